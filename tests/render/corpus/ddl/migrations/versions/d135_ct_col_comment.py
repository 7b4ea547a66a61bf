"""ct_col_comment

Revision ID: d135
Revises: d134
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d135"
down_revision = 'd134'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_comment", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="the v"))


def downgrade():
    op.drop_table("t_col_comment")
