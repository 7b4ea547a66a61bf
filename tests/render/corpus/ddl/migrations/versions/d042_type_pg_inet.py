"""type_pg_inet

Revision ID: d042
Revises: d041
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d042"
down_revision = 'd041'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_inet", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INET()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_inet")
