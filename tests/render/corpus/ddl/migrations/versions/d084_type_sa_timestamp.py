"""type_sa_timestamp

Revision ID: d084
Revises: d083
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d084"
down_revision = 'd083'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_timestamp", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.TIMESTAMP()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_timestamp")
