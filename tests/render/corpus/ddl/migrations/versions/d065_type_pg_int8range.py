"""type_pg_int8range

Revision ID: d065
Revises: d064
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d065"
down_revision = 'd064'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_int8range", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INT8RANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_int8range")
