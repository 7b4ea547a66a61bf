"""percent_05

Revision ID: c076
Revises: c075
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c076"
down_revision = 'c075'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%.2s'" % A)


def downgrade():
    op.execute("SELECT '%+d'" % N)
