"""add_index_schema

Revision ID: d291
Revises: d290
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d291"
down_revision = 'd290'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), index=True), schema="app")


def downgrade():
    op.drop_column("base_t", "c", schema="app")
