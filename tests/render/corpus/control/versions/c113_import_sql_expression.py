"""import_sql_expression

Revision ID: c113
Revises: c112
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy.sql.expression import text

revision = "c113"
down_revision = 'c112'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(text("SELECT 1"))


def downgrade():
    op.execute(text("SELECT 2"))
