"""bulk_schema

Revision ID: d266
Revises: d265
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d266"
down_revision = 'd265'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), schema="app"), [{"id": 1}])


def downgrade():
    op.execute("DELETE FROM app.bt")
