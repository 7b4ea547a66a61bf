"""type_pg_numrange

Revision ID: d064
Revises: d063
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d064"
down_revision = 'd063'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_numrange", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.NUMRANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_numrange")
