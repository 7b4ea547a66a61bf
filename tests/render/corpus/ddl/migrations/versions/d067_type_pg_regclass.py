"""type_pg_regclass

Revision ID: d067
Revises: d066
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d067"
down_revision = 'd066'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_regclass", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.REGCLASS()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_regclass")
