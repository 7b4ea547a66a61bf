"""add_default_str

Revision ID: d184
Revises: d183
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d184"
down_revision = 'd183'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.String(5), server_default="n", nullable=False))


def downgrade():
    op.drop_column("base_t", "c")
