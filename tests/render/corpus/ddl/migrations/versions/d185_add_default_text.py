"""add_default_text

Revision ID: d185
Revises: d184
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d185"
down_revision = 'd184'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Boolean(), server_default=sa.text("false"), nullable=False))


def downgrade():
    op.drop_column("base_t", "c")
