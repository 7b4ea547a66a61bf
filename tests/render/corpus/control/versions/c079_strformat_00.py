"""strformat_00

Revision ID: c079
Revises: c078
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
COLS = ["x"]

revision = "c079"
down_revision = 'c078'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT {}".format(N))


def downgrade():
    op.execute("SELECT {}, {}".format(A, N))
