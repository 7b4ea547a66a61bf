"""ct_table_index_obj

Revision ID: d170
Revises: d169
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d170"
down_revision = 'd169'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_table_index_obj", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Index("ix_tobj_a", "a"))


def downgrade():
    op.drop_table("t_table_index_obj")
