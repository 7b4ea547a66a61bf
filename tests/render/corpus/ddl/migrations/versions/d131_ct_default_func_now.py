"""ct_default_func_now

Revision ID: d131
Revises: d130
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d131"
down_revision = 'd130'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_func_now", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(timezone=True), server_default=sa.func.now()))


def downgrade():
    op.drop_table("t_default_func_now")
