"""type_sa_array_dims

Revision ID: d070
Revises: d069
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d070"
down_revision = 'd069'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_array_dims", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.ARRAY(sa.Integer(), dimensions=3)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_array_dims")
