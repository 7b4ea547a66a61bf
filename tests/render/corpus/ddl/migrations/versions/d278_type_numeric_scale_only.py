"""type_numeric_scale_only

Revision ID: d278
Revises: d277
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d278"
down_revision = 'd277'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_numeric_scale_only", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Numeric(scale=2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_numeric_scale_only")
