"""type_interval

Revision ID: d019
Revises: d018
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d019"
down_revision = 'd018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_interval", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Interval()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_interval")
