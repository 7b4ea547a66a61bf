"""if_offline

Revision ID: c144
Revises: c143
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from alembic import context

revision = "c144"
down_revision = 'c143'
branch_labels = None
depends_on = None


def upgrade():
    if context.is_offline_mode():
        op.execute("SELECT 'offline'")
    else:
        op.execute("SELECT 'online'")


def downgrade():
    if not context.is_offline_mode():
        raise RuntimeError("online only")
    op.execute("SELECT 2")
