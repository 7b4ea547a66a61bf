"""type_pg_json

Revision ID: d034
Revises: d033
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d034"
down_revision = 'd033'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_json", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.JSON()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_json")
