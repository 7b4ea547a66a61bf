"""bulk_multiinsert_false

Revision ID: d270
Revises: d269
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d270"
down_revision = 'd269'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [{"id": 1}, {"id": 2}], multiinsert=False)


def downgrade():
    op.execute("DELETE FROM bt")
