"""type_boolean

Revision ID: d012
Revises: d011
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d012"
down_revision = 'd011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_boolean", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Boolean()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_boolean")
