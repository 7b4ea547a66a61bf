"""type_pg_array_str

Revision ID: d040
Revises: d039
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d040"
down_revision = 'd039'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_array_str", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ARRAY(sa.String(20))), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_array_str")
