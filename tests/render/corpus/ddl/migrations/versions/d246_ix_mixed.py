"""ix_mixed

Revision ID: d246
Revises: d245
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d246"
down_revision = 'd245'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_mixed", "base_t", ["a", sa.text("lower(name)")])


def downgrade():
    op.drop_index("ix_mixed", "base_t")
