"""ct_default_str_backslash

Revision ID: d127
Revises: d126
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d127"
down_revision = 'd126'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_str_backslash", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="a\\b"))


def downgrade():
    op.drop_table("t_default_str_backslash")
