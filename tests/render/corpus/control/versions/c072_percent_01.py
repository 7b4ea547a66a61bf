"""percent_01

Revision ID: c072
Revises: c071
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c072"
down_revision = 'c071'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%s', '%s'" % (A, B))


def downgrade():
    op.execute("SELECT %(a)s, %(b)s" % {"a": 1, "b": 2})
