"""type_pg_macaddr

Revision ID: d050
Revises: d049
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d050"
down_revision = 'd049'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_macaddr", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.MACADDR()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_macaddr")
