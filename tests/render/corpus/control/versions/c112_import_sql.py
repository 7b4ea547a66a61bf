"""import_sql

Revision ID: c112
Revises: c111
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy.sql import text

revision = "c112"
down_revision = 'c111'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(text("SELECT 1"))


def downgrade():
    op.execute(text("SELECT 2"))
