"""type_sa_decimal

Revision ID: d094
Revises: d093
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d094"
down_revision = 'd093'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_decimal", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DECIMAL(5, 2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_decimal")
