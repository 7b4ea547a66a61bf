"""type_pg_bytea

Revision ID: d045
Revises: d044
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d045"
down_revision = 'd044'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_bytea", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.BYTEA()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_bytea")
