"""type_sa_varchar

Revision ID: d081
Revises: d080
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d081"
down_revision = 'd080'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_varchar", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.VARCHAR(10)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_varchar")
