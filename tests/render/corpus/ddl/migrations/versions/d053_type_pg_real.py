"""type_pg_real

Revision ID: d053
Revises: d052
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d053"
down_revision = 'd052'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_real", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.REAL()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_real")
