"""type_numeric_asdecimal

Revision ID: d027
Revises: d026
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d027"
down_revision = 'd026'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric_asdecimal", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric(10, 2, asdecimal=False)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric_asdecimal")
