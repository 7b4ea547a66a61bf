"""ct_default_func_current_timestamp

Revision ID: d132
Revises: d131
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d132"
down_revision = 'd131'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_func_current_timestamp", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(), server_default=sa.func.current_timestamp()))


def downgrade():
    op.drop_table("t_default_func_current_timestamp")
