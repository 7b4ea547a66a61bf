"""helper_parameters

Revision ID: c210
Revises: c209
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

PREFIX = "ix"


def ix_name(table, col, suffix="idx", *, sep="_"):
    return sep.join([PREFIX, table, col, suffix])

revision = "c210"
down_revision = 'c209'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT '{ix_name('t', 'a')}', '{ix_name('t', col='b', sep='-')}'")


def downgrade():
    op.execute("SELECT '" + ix_name(*["u", "v"], suffix="x") + "'")
