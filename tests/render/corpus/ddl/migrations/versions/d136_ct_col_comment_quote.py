"""ct_col_comment_quote

Revision ID: d136
Revises: d135
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d136"
down_revision = 'd135'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_comment_quote", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="it's v"))


def downgrade():
    op.drop_table("t_col_comment_quote")
