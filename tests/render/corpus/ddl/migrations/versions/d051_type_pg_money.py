"""type_pg_money

Revision ID: d051
Revises: d050
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d051"
down_revision = 'd050'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_money", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.MONEY()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_money")
