"""type_pg_tsvector

Revision ID: d044
Revises: d043
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d044"
down_revision = 'd043'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_tsvector", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TSVECTOR()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_tsvector")
