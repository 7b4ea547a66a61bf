"""ct_default_str_quote

Revision ID: d126
Revises: d125
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d126"
down_revision = 'd125'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_str_quote", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="it's"))


def downgrade():
    op.drop_table("t_default_str_quote")
