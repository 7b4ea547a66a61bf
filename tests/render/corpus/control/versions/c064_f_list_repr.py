"""f_list_repr

Revision ID: c064
Revises: c063
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

COLS = ["a", "b"]
TUP = ("x", 1)
ONE = ("z",)

revision = "c064"
down_revision = 'c063'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT '{COLS}'")


def downgrade():
    op.execute(f"SELECT '{TUP}', '{ONE}'")
