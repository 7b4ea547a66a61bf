"""bulk_unknown_key

Revision ID: r005
Revises: r004
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r005"
down_revision = 'r004'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [{"nope": 1}])  # retort: needs-python


def downgrade():
    op.execute("DELETE FROM bt")
