"""type_pg_timestamp_tz

Revision ID: d047
Revises: d046
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d047"
down_revision = 'd046'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_timestamp_tz", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TIMESTAMP(timezone=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_timestamp_tz")
