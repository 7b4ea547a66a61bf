"""ct_schema_reserved

Revision ID: d175
Revises: d174
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d175"
down_revision = 'd174'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("Order", sa.Column("id", sa.Integer(), primary_key=True), schema="user")


def downgrade():
    op.drop_table("Order", schema="user")
