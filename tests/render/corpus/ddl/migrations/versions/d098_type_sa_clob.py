"""type_sa_clob

Revision ID: d098
Revises: d097
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d098"
down_revision = 'd097'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_clob", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.CLOB()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_clob")
