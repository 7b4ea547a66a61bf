"""ct_col_fk_opts

Revision ID: d145
Revises: d144
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d145"
down_revision = 'd144'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_fk_opts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", ondelete="CASCADE", onupdate="SET NULL")))


def downgrade():
    op.drop_table("t_col_fk_opts")
