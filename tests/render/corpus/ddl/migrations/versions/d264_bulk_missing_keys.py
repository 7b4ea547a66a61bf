"""bulk_missing_keys

Revision ID: d264
Revises: d263
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d264"
down_revision = 'd263'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String())), [{"id": 1}, {"name": "x"}, {"name": "y", "id": 3}])


def downgrade():
    op.execute("DELETE FROM bt")
