"""ddl_autocommit_concurrently

Revision ID: c185
Revises: c184
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c185"
down_revision = 'c184'
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_cc", "t", ["a"], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_cc", table_name="t", postgresql_concurrently=True)
