"""f_expression

Revision ID: c068
Revises: c067
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 20
COLS = ["a", "b"]

revision = "c068"
down_revision = 'c067'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {N * 2 + 1}, {len(COLS)}")


def downgrade():
    op.execute(f"SELECT {COLS[0]}")
