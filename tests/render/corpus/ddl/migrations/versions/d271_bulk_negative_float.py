"""bulk_negative_float

Revision ID: d271
Revises: d270
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d271"
down_revision = 'd270'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("x", sa.Float()), sa.column("i", sa.Integer())), [{"x": 0.1, "i": 0}, {"x": 1e20, "i": 7}])


def downgrade():
    op.execute("DELETE FROM bt")
