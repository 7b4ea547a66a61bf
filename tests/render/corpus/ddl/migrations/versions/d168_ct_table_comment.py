"""ct_table_comment

Revision ID: d168
Revises: d167
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d168"
down_revision = 'd167'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_table_comment", sa.Column("id", sa.Integer(), primary_key=True), comment="the table")


def downgrade():
    op.drop_table("t_table_comment")
