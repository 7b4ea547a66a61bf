"""type_float

Revision ID: d020
Revises: d019
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d020"
down_revision = 'd019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_float", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Float()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_float")
