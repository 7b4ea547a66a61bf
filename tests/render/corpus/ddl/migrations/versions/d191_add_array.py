"""add_array

Revision ID: d191
Revises: d190
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d191"
down_revision = 'd190'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", postgresql.ARRAY(sa.String()), nullable=True))


def downgrade():
    op.drop_column("base_t", "c")
