"""type_string50

Revision ID: d004
Revises: d003
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d004"
down_revision = 'd003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_string50", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.String(50)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_string50")
