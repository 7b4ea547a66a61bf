"""percent_03

Revision ID: c074
Revises: c073
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c074"
down_revision = 'c073'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%05d'" % N)


def downgrade():
    op.execute("SELECT '%x', '%X', '%o'" % (255, 255, 8))
