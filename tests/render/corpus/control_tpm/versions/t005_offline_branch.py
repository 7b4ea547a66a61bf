"""offline_branch

Revision ID: t005
Revises: t004
Create Date: 2024-01-01 00:00:00

"""
from alembic import context, op
import sqlalchemy as sa

revision = "t005"
down_revision = 't004'
branch_labels = None
depends_on = None


def upgrade():
    if context.is_offline_mode():
        with op.get_context().autocommit_block():
            op.execute("SELECT 'offline'")
    else:
        op.execute("SELECT 'online'")


def downgrade():
    pass
