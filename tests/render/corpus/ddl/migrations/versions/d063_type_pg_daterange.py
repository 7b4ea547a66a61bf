"""type_pg_daterange

Revision ID: d063
Revises: d062
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d063"
down_revision = 'd062'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_daterange", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.DATERANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_daterange")
