"""add_pg_enum

Revision ID: d189
Revises: d188
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d189"
down_revision = 'd188'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", postgresql.ENUM("a", "b", name="add_pg_enum", create_type=False)))


def downgrade():
    op.drop_column("base_t", "c")
