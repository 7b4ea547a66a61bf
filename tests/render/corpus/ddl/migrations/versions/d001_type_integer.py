"""type_integer

Revision ID: d001
Revises: 
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_integer", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Integer()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_integer")
