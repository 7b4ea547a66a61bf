"""type_numeric

Revision ID: d023
Revises: d022
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d023"
down_revision = 'd022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric")
