"""type_pg_cidr

Revision ID: d043
Revises: d042
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d043"
down_revision = 'd042'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_cidr", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.CIDR()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_cidr")
