"""if_offline_dynamic_online

Revision ID: c145
Revises: c144
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from alembic import context

revision = "c145"
down_revision = 'c144'
branch_labels = None
depends_on = None


def upgrade():
    if context.is_offline_mode():
        op.execute("SELECT 1")
    else:
        conn = op.get_bind()
        conn.execute(sa.text("SELECT 1"))


def downgrade():
    pass
