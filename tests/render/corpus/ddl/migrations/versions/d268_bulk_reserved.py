"""bulk_reserved

Revision ID: d268
Revises: d267
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d268"
down_revision = 'd267'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("user", sa.column("order", sa.Integer()), sa.column("Name", sa.String())), [{"order": 1, "Name": "n"}])


def downgrade():
    op.execute("DELETE FROM \"user\"")
