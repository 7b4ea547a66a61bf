"""import_sql_module

Revision ID: c114
Revises: c113
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy import sql

revision = "c114"
down_revision = 'c113'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sql.text("SELECT 1"))


def downgrade():
    op.execute(sql.text("SELECT 2"))
