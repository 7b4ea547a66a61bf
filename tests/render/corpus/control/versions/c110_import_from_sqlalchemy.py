"""import_from_sqlalchemy

Revision ID: c110
Revises: c109
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy import text

revision = "c110"
down_revision = 'c109'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(text("SELECT 1"))


def downgrade():
    op.execute(text("SELECT 2"))
