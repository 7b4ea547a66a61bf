"""type_bigint

Revision ID: d003
Revises: d002
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d003"
down_revision = 'd002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_bigint", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.BigInteger()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_bigint")
