"""add_index_unique

Revision ID: d292
Revises: d291
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d292"
down_revision = 'd291'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), index=True, unique=True))


def downgrade():
    op.drop_column("base_t", "c")
