"""type_pg_timestamp_prec

Revision ID: d048
Revises: d047
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d048"
down_revision = 'd047'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_timestamp_prec", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TIMESTAMP(timezone=True, precision=3)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_timestamp_prec")
