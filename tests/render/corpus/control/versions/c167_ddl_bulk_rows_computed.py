"""ddl_bulk_rows_computed

Revision ID: c167
Revises: c166
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c167"
down_revision = 'c166'
branch_labels = None
depends_on = None


def upgrade():
    rows = [{"id": i, "label": f"row {i}"} for i in range(1, 4)]
    op.bulk_insert(sa.table("bk", sa.column("id", sa.Integer()), sa.column("label", sa.String())), rows)


def downgrade():
    op.execute("DELETE FROM bk")
