"""ddl_from_imports

Revision ID: c169
Revises: c168
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy import Column, Integer, String

revision = "c169"
down_revision = 'c168'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("fi", Column("id", Integer, primary_key=True), Column("v", String(5), nullable=False))


def downgrade():
    op.drop_table("fi")
