"""type_pg_tsrange

Revision ID: d062
Revises: d061
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d062"
down_revision = 'd061'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_tsrange", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.TSRANGE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_tsrange")
