"""type_sa_float

Revision ID: d091
Revises: d090
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d091"
down_revision = 'd090'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_float", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.FLOAT()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_float")
