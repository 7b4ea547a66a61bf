"""drop_table_schema

Revision ID: d243
Revises: d242
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d243"
down_revision = 'd242'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("gone", schema="app")


def downgrade():
    op.create_table("gone", sa.Column("id", sa.Integer(), primary_key=True), schema="app")
