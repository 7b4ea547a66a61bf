"""percent_07

Revision ID: c078
Revises: c077
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c078"
down_revision = 'c077'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%s'" % (COLS,))


def downgrade():
    op.execute("SELECT '%s'" % True)
