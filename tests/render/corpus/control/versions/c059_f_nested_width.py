"""f_nested_width

Revision ID: c059
Revises: c058
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 5
NAME = "ab"
FILL = "-"
W = 6

revision = "c059"
down_revision = 'c058'
branch_labels = None
depends_on = None


def upgrade():
    w = 7
    op.execute(f"SELECT '{N:>{w}}'")


def downgrade():
    op.execute(f"SELECT '{NAME:{FILL}^{W}}'")
