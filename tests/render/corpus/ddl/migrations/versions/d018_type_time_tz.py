"""type_time_tz

Revision ID: d018
Revises: d017
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d018"
down_revision = 'd017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_time_tz", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Time(timezone=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_time_tz")
