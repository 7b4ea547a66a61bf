"""name_augmented

Revision ID: c103
Revises: c102
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c103"
down_revision = 'c102'
branch_labels = None
depends_on = None


def upgrade():
    s = "SELECT "
    s += "1"
    n = 1
    n += 2
    n *= 3
    s += f", {n}"
    op.execute(s)


def downgrade():
    items = ["a"]
    items += ["b"]
    op.execute("SELECT '" + "".join(items) + "'")
