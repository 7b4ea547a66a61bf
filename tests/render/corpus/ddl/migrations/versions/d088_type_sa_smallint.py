"""type_sa_smallint

Revision ID: d088
Revises: d087
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d088"
down_revision = 'd087'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_smallint", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.SMALLINT()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_smallint")
