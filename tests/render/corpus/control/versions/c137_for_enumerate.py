"""for_enumerate

Revision ID: c137
Revises: c136
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

COLS = ["a", "b", "c"]

revision = "c137"
down_revision = 'c136'
branch_labels = None
depends_on = None


def upgrade():
    for i, c in enumerate(COLS):
        op.execute(f"SELECT {i}, '{c}'")


def downgrade():
    for i, (a, b) in enumerate(zip(COLS, COLS[1:])):
        op.execute(f"SELECT {i}, '{a}{b}'")
