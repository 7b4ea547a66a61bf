"""percent_02

Revision ID: c073
Revises: c072
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c073"
down_revision = 'c072'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%5d'" % N)


def downgrade():
    op.execute("SELECT '%-5s|'" % A)
