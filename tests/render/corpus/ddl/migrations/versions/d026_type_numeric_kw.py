"""type_numeric_kw

Revision ID: d026
Revises: d025
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d026"
down_revision = 'd025'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric_kw", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric(precision=12, scale=4)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric_kw")
