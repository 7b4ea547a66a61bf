"""strformat_03

Revision ID: c082
Revises: c081
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
COLS = ["x"]

revision = "c082"
down_revision = 'c081'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '{{}}', {}".format(N))


def downgrade():
    op.execute("SELECT '{:05d}'".format(N))
