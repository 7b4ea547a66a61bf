"""type_pg_interval

Revision ID: d054
Revises: d053
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d054"
down_revision = 'd053'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_interval", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INTERVAL()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_interval")
