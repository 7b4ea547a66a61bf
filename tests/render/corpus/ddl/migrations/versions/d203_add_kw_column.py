"""add_kw_column

Revision ID: d203
Revises: d202
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d203"
down_revision = 'd202'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(table_name="base_t", column=sa.Column("c", sa.Integer()))


def downgrade():
    op.drop_column(table_name="base_t", column_name="c")
