"""op_create_index_schema

Revision ID: c125
Revises: c124
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c125"
down_revision = 'c124'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(index_name="ix_b", table_name="t", columns=["a", "b"], schema="s")


def downgrade():
    op.drop_index("ix_b", schema="s")
