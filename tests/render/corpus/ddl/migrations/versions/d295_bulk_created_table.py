"""bulk_created_table

Revision ID: d295
Revises: d294
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d295"
down_revision = 'd294'
branch_labels = None
depends_on = None


def upgrade():
    t = op.create_table("bulk_t2", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(10)), sa.Column("price", sa.Numeric(8, 2)))
    op.bulk_insert(t, [{"id": 1, "name": "a", "price": 9.99}, {"id": 2, "name": "b", "price": 10}])


def downgrade():
    op.drop_table("bulk_t2")
