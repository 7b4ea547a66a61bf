"""ct_index_unique_col

Revision ID: d124
Revises: d123
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d124"
down_revision = 'd123'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_index_unique_col", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), index=True, unique=True))


def downgrade():
    op.drop_table("t_index_unique_col")
