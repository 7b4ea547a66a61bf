"""type_pg_tstzrange

Revision ID: d066
Revises: d065
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d066"
down_revision = 'd065'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_tstzrange", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TSTZRANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_tstzrange")
