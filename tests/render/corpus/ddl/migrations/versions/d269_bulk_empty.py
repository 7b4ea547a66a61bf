"""bulk_empty

Revision ID: d269
Revises: d268
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d269"
down_revision = 'd268'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [])


def downgrade():
    op.execute("DELETE FROM bt")
