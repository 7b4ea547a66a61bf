"""name_constant_reassigned

Revision ID: c097
Revises: c096
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

SQL = "SELECT 1"
SQL = "SELECT 2"

revision = "c097"
down_revision = 'c096'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SQL)


def downgrade():
    pass
