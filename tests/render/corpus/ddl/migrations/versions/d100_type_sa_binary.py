"""type_sa_binary

Revision ID: d100
Revises: d099
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d100"
down_revision = 'd099'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_binary", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.BINARY(4)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_binary")
