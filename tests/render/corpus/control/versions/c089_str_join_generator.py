"""str_join_generator

Revision ID: c089
Revises: c088
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

COLS = ["a", "b", "c"]

revision = "c089"
down_revision = 'c088'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + ", ".join(f"'{c}'" for c in COLS))


def downgrade():
    op.execute("SELECT " + ", ".join([c.upper() for c in COLS if c != "b"]))
