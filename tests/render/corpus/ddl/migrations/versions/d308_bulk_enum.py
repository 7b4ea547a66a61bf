"""bulk_enum

Revision ID: d308
Revises: d307
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d308"
down_revision = 'd307'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("status", sa.Enum("new", "old", name="status"))), [{"status": "new"}, {"status": "old"}])


def downgrade():
    op.execute("DELETE FROM bt")
