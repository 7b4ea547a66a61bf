"""type_sa_array_str

Revision ID: d069
Revises: d068
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d069"
down_revision = 'd068'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_array_str", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.ARRAY(sa.String(10))), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_array_str")
