"""if_elif_chain

Revision ID: c149
Revises: c148
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 3

revision = "c149"
down_revision = 'c148'
branch_labels = None
depends_on = None


def upgrade():
    if N == 1:
        op.execute("SELECT 1")
    elif N == 2:
        op.execute("SELECT 2")
    elif N == 3:
        op.execute("SELECT 3")
    else:
        op.execute("SELECT 4")


def downgrade():
    op.execute("SELECT 5" if N > 5 else "SELECT 6")
