"""rename_table

Revision ID: d239
Revises: d238
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d239"
down_revision = 'd238'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("base_t", "base_t2")


def downgrade():
    op.rename_table("base_t2", "base_t")
