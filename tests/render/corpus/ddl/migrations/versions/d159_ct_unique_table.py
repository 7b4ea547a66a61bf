"""ct_unique_table

Revision ID: d159
Revises: d158
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d159"
down_revision = 'd158'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unique_table", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a"))


def downgrade():
    op.drop_table("t_unique_table")
