"""add_numeric

Revision ID: d201
Revises: d200
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d201"
down_revision = 'd200'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Numeric(12, 2), server_default="0", nullable=False))


def downgrade():
    op.drop_column("base_t", "c")
