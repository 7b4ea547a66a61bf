"""type_pg_int4range

Revision ID: d061
Revises: d060
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d061"
down_revision = 'd060'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_int4range", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INT4RANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_int4range")
