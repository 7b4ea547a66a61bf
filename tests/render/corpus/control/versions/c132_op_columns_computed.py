"""op_columns_computed

Revision ID: c132
Revises: c131
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c132"
down_revision = 'c131'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_cc", "t", [f"c{i}" for i in range(3)])


def downgrade():
    op.drop_index("ix_cc", "t")
