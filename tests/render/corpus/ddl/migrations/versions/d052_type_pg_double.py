"""type_pg_double

Revision ID: d052
Revises: d051
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d052"
down_revision = 'd051'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_double", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.DOUBLE_PRECISION()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_double")
