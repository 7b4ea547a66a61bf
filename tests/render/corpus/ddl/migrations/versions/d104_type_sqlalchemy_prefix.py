"""type_sqlalchemy_prefix

Revision ID: d104
Revises: d103
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d104"
down_revision = 'd103'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sqlalchemy_prefix", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sqlalchemy.Integer()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sqlalchemy_prefix")
