"""ct_col_fk

Revision ID: d144
Revises: d143
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d144"
down_revision = 'd143'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_fk", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id")))


def downgrade():
    op.drop_table("t_col_fk")
