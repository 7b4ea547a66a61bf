"""name_constant_from_constant

Revision ID: c096
Revises: c095
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

TABLE = "t"
SQL = "SELECT * FROM " + TABLE

revision = "c096"
down_revision = 'c095'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SQL)


def downgrade():
    op.execute(SQL + ' + 1')
