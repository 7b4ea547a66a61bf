"""type_numeric_10_2

Revision ID: d024
Revises: d023
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d024"
down_revision = 'd023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric_10_2", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric(10, 2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric_10_2")
