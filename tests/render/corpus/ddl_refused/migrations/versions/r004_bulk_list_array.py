"""bulk_list_array

Revision ID: r004
Revises: r003
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r004"
down_revision = 'r003'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("d", postgresql.ARRAY(sa.Integer()))), [{"d": [1, 2]}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
