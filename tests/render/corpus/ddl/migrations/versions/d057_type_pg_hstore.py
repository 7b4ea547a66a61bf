"""type_pg_hstore

Revision ID: d057
Revises: d056
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d057"
down_revision = 'd056'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_hstore", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.HSTORE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_hstore")
