"""type_sa_array_int

Revision ID: d068
Revises: d067
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d068"
down_revision = 'd067'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_array_int", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.ARRAY(sa.Integer())), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_array_int")
