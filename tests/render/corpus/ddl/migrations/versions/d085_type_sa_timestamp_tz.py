"""type_sa_timestamp_tz

Revision ID: d085
Revises: d084
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d085"
down_revision = 'd084'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_timestamp_tz", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.TIMESTAMP(timezone=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_timestamp_tz")
