"""type_pg_varbit_len

Revision ID: d273
Revises: d272
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d273"
down_revision = 'd272'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_varbit_len", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.BIT(8, varying=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_varbit_len")
