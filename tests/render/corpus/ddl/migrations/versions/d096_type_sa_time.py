"""type_sa_time

Revision ID: d096
Revises: d095
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d096"
down_revision = 'd095'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_time", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.TIME()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_time")
