"""type_datetime

Revision ID: d014
Revises: d013
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d014"
down_revision = 'd013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_datetime", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DateTime()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_datetime")
