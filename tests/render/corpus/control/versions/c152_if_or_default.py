"""if_or_default

Revision ID: c152
Revises: c151
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAME = ""
SQL = "x"

revision = "c152"
down_revision = 'c151'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(NAME or "SELECT 'default'")


def downgrade():
    op.execute(SQL and "SELECT 2")
