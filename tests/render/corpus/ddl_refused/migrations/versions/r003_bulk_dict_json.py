"""bulk_dict_json

Revision ID: r003
Revises: r002
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r003"
down_revision = 'r002'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("d", postgresql.JSONB())), [{"d": {"a": 1}}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
