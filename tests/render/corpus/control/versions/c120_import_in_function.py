"""import_in_function

Revision ID: c120
Revises: c119
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c120"
down_revision = 'c119'
branch_labels = None
depends_on = None


def upgrade():
    from sqlalchemy import text as tx
    op.execute(tx("SELECT 1"))


def downgrade():
    import sqlalchemy
    op.execute(sqlalchemy.text("SELECT 2"))
