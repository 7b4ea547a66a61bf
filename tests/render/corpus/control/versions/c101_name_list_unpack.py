"""name_list_unpack

Revision ID: c101
Revises: c100
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c101"
down_revision = 'c100'
branch_labels = None
depends_on = None


def upgrade():
    [a, b] = ["SELECT", "2"]
    op.execute(a + " " + b)


def downgrade():
    a, b = "xy"
    op.execute(f"SELECT '{b}{a}'")
