"""plain

Revision ID: t003
Revises: t002
Create Date: 2024-01-01 00:00:00

"""
from alembic import context, op
import sqlalchemy as sa

revision = "t003"
down_revision = 't002'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 4")


def downgrade():
    pass
