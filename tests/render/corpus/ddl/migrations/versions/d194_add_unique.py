"""add_unique

Revision ID: d194
Revises: d193
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d194"
down_revision = 'd193'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), unique=True))


def downgrade():
    op.drop_column("base_t", "c")
