"""type_pg_array_collate

Revision ID: d274
Revises: d273
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d274"
down_revision = 'd273'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_array_collate", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ARRAY(sa.String(5, collation="C"))), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_array_collate")
