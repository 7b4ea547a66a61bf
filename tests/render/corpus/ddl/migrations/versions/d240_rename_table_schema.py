"""rename_table_schema

Revision ID: d240
Revises: d239
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d240"
down_revision = 'd239'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("base_t", "Base T", schema="app")


def downgrade():
    op.rename_table("Base T", "base_t", schema="app")
