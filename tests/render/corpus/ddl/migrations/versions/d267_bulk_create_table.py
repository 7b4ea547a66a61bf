"""bulk_create_table

Revision ID: d267
Revises: d266
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d267"
down_revision = 'd266'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("bulk_made", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(20)))
    op.bulk_insert(sa.table("bulk_made", sa.column("id", sa.Integer()), sa.column("label", sa.String(20))), [{"id": 1, "label": "one"}, {"id": 2, "label": "two"}])


def downgrade():
    op.drop_table("bulk_made")
