"""bulk_small_floats

Revision ID: d296
Revises: d295
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d296"
down_revision = 'd295'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("x", sa.Float())), [{"x": 1.5e-07}, {"x": 123456789012345678.0}, {"x": 100000.0}, {"x": 0.0001}])


def downgrade():
    op.execute("DELETE FROM bt")
