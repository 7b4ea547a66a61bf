"""type_sa_nchar

Revision ID: d082
Revises: d081
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d082"
down_revision = 'd081'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_nchar", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.NCHAR(4)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_nchar")
