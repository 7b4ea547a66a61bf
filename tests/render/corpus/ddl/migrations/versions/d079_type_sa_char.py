"""type_sa_char

Revision ID: d079
Revises: d078
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d079"
down_revision = 'd078'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_char", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.CHAR(3)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_char")
