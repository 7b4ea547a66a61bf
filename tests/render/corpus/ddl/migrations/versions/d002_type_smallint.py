"""type_smallint

Revision ID: d002
Revises: d001
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d002"
down_revision = 'd001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_smallint", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.SmallInteger()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_smallint")
