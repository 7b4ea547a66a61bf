"""bulk_large_int

Revision ID: d309
Revises: d308
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d309"
down_revision = 'd308'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("n", sa.BigInteger()), sa.column("f", sa.Float())), [{"n": 9223372036854775807, "f": 3}])


def downgrade():
    op.execute("DELETE FROM bt")
