"""percent_06

Revision ID: c077
Revises: c076
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c077"
down_revision = 'c076'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%#x'" % N)


def downgrade():
    op.execute("SELECT '% d'" % N)
