"""type_pg_enum

Revision ID: d077
Revises: d076
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d077"
down_revision = 'd076'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_enum", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ENUM("x", "y", name="e_pg")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_enum")
