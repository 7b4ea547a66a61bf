"""helper_kwargs_and_nested

Revision ID: c211
Revises: c210
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAME = "abc"


def col_kw():
    return {"nullable": False, "server_default": "0"}


def wrap(s, q="'"):
    return q + s + q


def quoted(s):
    return "SELECT " + wrap(s)

revision = "c211"
down_revision = 'c210'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("t", sa.Column("x", sa.Integer, **col_kw()))
    op.execute(quoted(NAME))


def downgrade():
    op.drop_column("t", "x")
    op.execute(quoted(NAME.upper()))
