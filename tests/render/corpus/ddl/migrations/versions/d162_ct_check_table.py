"""ct_check_table

Revision ID: d162
Revises: d161
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d162"
down_revision = 'd161'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_check_table", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("a > 0"))


def downgrade():
    op.drop_table("t_check_table")
