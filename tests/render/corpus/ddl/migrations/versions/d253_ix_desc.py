"""ix_desc

Revision ID: d253
Revises: d252
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d253"
down_revision = 'd252'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_desc", "base_t", [sa.text("a DESC")])


def downgrade():
    op.drop_index("ix_desc")
