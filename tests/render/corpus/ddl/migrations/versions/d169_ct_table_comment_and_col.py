"""ct_table_comment_and_col

Revision ID: d169
Revises: d168
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d169"
down_revision = 'd168'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_table_comment_and_col", sa.Column("id", sa.Integer(), primary_key=True, comment="pk"), comment="it's a table")


def downgrade():
    op.drop_table("t_table_comment_and_col")
