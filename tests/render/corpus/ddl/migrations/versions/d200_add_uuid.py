"""add_uuid

Revision ID: d200
Revises: d199
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d200"
down_revision = 'd199'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", postgresql.UUID(as_uuid=True), nullable=False))


def downgrade():
    op.drop_column("base_t", "c")
