"""type_sa_bigint

Revision ID: d087
Revises: d086
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d087"
down_revision = 'd086'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_bigint", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.BIGINT()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_bigint")
