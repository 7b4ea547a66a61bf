"""ct_index_col

Revision ID: d123
Revises: d122
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d123"
down_revision = 'd122'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_index_col", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), index=True))


def downgrade():
    op.drop_table("t_index_col")
