"""type_sa_numeric

Revision ID: d093
Revises: d092
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d093"
down_revision = 'd092'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_numeric", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.NUMERIC(5, 2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_numeric")
