"""ct_col_comment_two

Revision ID: d137
Revises: d136
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d137"
down_revision = 'd136'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_comment_two", sa.Column("id", sa.Integer(), primary_key=True, comment="key"), sa.Column("v", sa.Integer(), comment="val"))


def downgrade():
    op.drop_table("t_col_comment_two")
