"""strformat_04

Revision ID: c083
Revises: c082
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
COLS = ["x"]

revision = "c083"
down_revision = 'c082'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '{}'".format(COLS))


def downgrade():
    op.execute("SELECT '{a}-{b}'".format(**{"a": 1, "b": 2}))
