"""name_tuple_unpack

Revision ID: c100
Revises: c099
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c100"
down_revision = 'c099'
branch_labels = None
depends_on = None


def upgrade():
    a, b = "SELECT", "1"
    op.execute(a + " " + b)


def downgrade():
    (a, b), c = ("x", "y"), "z"
    op.execute(f"SELECT '{a}{b}{c}'")
