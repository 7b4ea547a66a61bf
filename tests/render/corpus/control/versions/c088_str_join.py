"""str_join

Revision ID: c088
Revises: c087
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

COLS = ("a", "b", "c")

revision = "c088"
down_revision = 'c087'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + ", ".join(COLS) + " FROM t")


def downgrade():
    op.execute(" ".join(["SELECT", "1"]))
