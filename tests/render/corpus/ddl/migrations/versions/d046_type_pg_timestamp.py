"""type_pg_timestamp

Revision ID: d046
Revises: d045
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d046"
down_revision = 'd045'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_timestamp", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TIMESTAMP()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_timestamp")
