"""ct_pk_reversed

Revision ID: d289
Revises: d288
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d289"
down_revision = 'd288'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkrev", sa.Column("a", sa.Integer(), nullable=False), sa.Column("b", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("b", "a"))


def downgrade():
    op.drop_table("t_pkrev")
