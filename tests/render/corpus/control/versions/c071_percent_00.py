"""percent_00

Revision ID: c071
Revises: c070
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c071"
down_revision = 'c070'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT %s" % N)


def downgrade():
    op.execute("SELECT %d" % N)
