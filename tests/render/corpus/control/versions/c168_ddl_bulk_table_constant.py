"""ddl_bulk_table_constant

Revision ID: c168
Revises: c167
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

ITEMS = sa.table("items", sa.column("id", sa.Integer()))

revision = "c168"
down_revision = 'c167'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(ITEMS, [dict(), {"id": 7}][1:])


def downgrade():
    op.execute(sa.text("DELETE FROM items"))
