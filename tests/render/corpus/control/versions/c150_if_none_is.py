"""if_none_is

Revision ID: c150
Revises: c149
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

SCHEMA = None

revision = "c150"
down_revision = 'c149'
branch_labels = None
depends_on = None


def upgrade():
    if SCHEMA is None:
        op.execute("SELECT 1")


def downgrade():
    if SCHEMA is not None:
        op.execute("SELECT 2")
    else:
        op.execute("SELECT 3")
