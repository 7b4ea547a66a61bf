"""type_pickle

Revision ID: d105
Revises: d104
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d105"
down_revision = 'd104'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pickle", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.PickleType()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pickle")
