"""ix_text

Revision ID: d245
Revises: d244
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d245"
down_revision = 'd244'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_lower", "base_t", [sa.text("lower(name)")])


def downgrade():
    op.drop_index("ix_lower", table_name="base_t")
