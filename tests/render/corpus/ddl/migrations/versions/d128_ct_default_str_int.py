"""ct_default_str_int

Revision ID: d128
Revises: d127
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d128"
down_revision = 'd127'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_str_int", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), server_default="0"))


def downgrade():
    op.drop_table("t_default_str_int")
