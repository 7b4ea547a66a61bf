"""bulk_bool_int

Revision ID: d272
Revises: d271
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d272"
down_revision = 'd271'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("flag", sa.Boolean()), sa.column("n", sa.Integer())), [{"flag": 1, "n": True}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
