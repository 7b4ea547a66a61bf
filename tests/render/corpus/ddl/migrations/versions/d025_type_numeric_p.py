"""type_numeric_p

Revision ID: d025
Revises: d024
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d025"
down_revision = 'd024'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric_p", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric(precision=8)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric_p")
