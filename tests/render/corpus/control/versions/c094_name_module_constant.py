"""name_module_constant

Revision ID: c094
Revises: c093
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

SQL = "SELECT 1"
UNDO = "SELECT 2"

revision = "c094"
down_revision = 'c093'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SQL)


def downgrade():
    op.execute(UNDO)
