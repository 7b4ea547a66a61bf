"""autocommit_only

Revision ID: t002
Revises: t001
Create Date: 2024-01-01 00:00:00

"""
from alembic import context, op
import sqlalchemy as sa

revision = "t002"
down_revision = 't001'
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_t_a", "t", ["a"], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_t_a", table_name="t", postgresql_concurrently=True)
