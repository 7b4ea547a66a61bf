"""ct_unique_col

Revision ID: d122
Revises: d121
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d122"
down_revision = 'd121'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unique_col", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), unique=True))


def downgrade():
    op.drop_table("t_unique_col")
