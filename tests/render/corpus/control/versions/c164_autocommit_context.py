"""autocommit_context

Revision ID: c164
Revises: c163
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from alembic import context

revision = "c164"
down_revision = 'c163'
branch_labels = None
depends_on = None


def upgrade():
    with context.get_context().autocommit_block():
        op.execute("SELECT 1")


def downgrade():
    ctx = op.get_context()
    with ctx.autocommit_block():
        pass
