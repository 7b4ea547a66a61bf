"""percent_04

Revision ID: c075
Revises: c074
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
A = "abc"
B = "de"
COLS = ["x"]

revision = "c075"
down_revision = 'c074'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '%r'" % A)


def downgrade():
    op.execute("SELECT '%s' || '%s'" % ("a", N))
