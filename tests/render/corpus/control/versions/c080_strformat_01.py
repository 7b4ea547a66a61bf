"""strformat_01

Revision ID: c080
Revises: c079
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
COLS = ["x"]

revision = "c080"
down_revision = 'c079'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT {0}, {1}, {0}".format(N, 7))


def downgrade():
    op.execute("SELECT '{name}'".format(name=A))
