"""strformat_02

Revision ID: c081
Revises: c080
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
COLS = ["x"]

revision = "c081"
down_revision = 'c080'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '{:>6}'".format(A))


def downgrade():
    op.execute("SELECT '{0!r:^9}'".format(A))
