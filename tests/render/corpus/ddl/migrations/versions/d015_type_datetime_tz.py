"""type_datetime_tz

Revision ID: d015
Revises: d014
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d015"
down_revision = 'd014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_datetime_tz", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DateTime(timezone=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_datetime_tz")
