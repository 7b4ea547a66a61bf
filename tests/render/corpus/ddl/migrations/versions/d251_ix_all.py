"""ix_all

Revision ID: d251
Revises: d250
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d251"
down_revision = 'd250'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_all", "base_t", ["a"], unique=True, postgresql_using="btree", postgresql_where=sa.text("b IS NULL"), postgresql_include=["c"], postgresql_concurrently=True, schema="app")


def downgrade():
    op.drop_index("ix_all", schema="app")
