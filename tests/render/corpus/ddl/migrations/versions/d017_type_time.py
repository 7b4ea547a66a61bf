"""type_time

Revision ID: d017
Revises: d016
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d017"
down_revision = 'd016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_time", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Time()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_time")
