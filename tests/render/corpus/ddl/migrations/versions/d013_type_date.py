"""type_date

Revision ID: d013
Revises: d012
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d013"
down_revision = 'd012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_date", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Date()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_date")
