"""add_index

Revision ID: d195
Revises: d194
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d195"
down_revision = 'd194'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), index=True))


def downgrade():
    op.drop_column("base_t", "c")
