"""type_bare_integer

Revision ID: d275
Revises: d274
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d275"
down_revision = 'd274'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_bare_integer", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Integer), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_bare_integer")
