"""type_sa_integer

Revision ID: d086
Revises: d085
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d086"
down_revision = 'd085'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_integer", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.INTEGER()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_integer")
