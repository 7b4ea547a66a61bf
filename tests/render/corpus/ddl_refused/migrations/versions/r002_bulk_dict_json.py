"""bulk_dict_json

Revision ID: r002
Revises: r001
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r002"
down_revision = 'r001'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("d", postgresql.JSONB())), [{"d": {"a": 1}}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
