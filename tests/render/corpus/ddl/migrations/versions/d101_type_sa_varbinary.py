"""type_sa_varbinary

Revision ID: d101
Revises: d100
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d101"
down_revision = 'd100'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_varbinary", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.VARBINARY(4)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_varbinary")
