"""op_columns_tuple_concat

Revision ID: c133
Revises: c132
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

BASE = ("x", "y")

revision = "c133"
down_revision = 'c132'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_tc", "t", BASE + ("z",))


def downgrade():
    op.drop_index("ix_tc")
