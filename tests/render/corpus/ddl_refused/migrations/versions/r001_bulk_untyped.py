"""bulk_untyped

Revision ID: r001
Revises: 
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id"), sa.column("name")), [{"id": 1, "name": "a"}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
