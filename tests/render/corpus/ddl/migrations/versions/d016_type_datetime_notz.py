"""type_datetime_notz

Revision ID: d016
Revises: d015
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d016"
down_revision = 'd015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_datetime_notz", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DateTime(timezone=False)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_datetime_notz")
