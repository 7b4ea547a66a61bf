"""type_pg_time_prec

Revision ID: d049
Revises: d048
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d049"
down_revision = 'd048'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_time_prec", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TIME(precision=2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_time_prec")
