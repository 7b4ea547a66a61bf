"""str_builtin_calls

Revision ID: c093
Revises: c092
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 3
COLS = [1, 2]
NAME = "n"

revision = "c093"
down_revision = 'c092'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + str(N) + ", " + str(len(COLS)) + ", " + repr(NAME))


def downgrade():
    op.execute("SELECT %d" % int("12"))
