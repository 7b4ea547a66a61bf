"""ix_unnamed

Revision ID: d333
Revises: d332
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d333"
down_revision = 'd332'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "base_t", ["a"])


def downgrade():
    op.drop_index("ix_base_t_a", table_name="base_t")
