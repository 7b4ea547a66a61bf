"""type_pg_array_int

Revision ID: d039
Revises: d038
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d039"
down_revision = 'd038'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_array_int", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ARRAY(sa.Integer())), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_array_int")
