"""add_index_col_long

Revision ID: d339
Revises: d338
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d339"
down_revision = 'd338'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("a_very_long_table_name_that_goes_on_and_on_and_on", sa.Column("yet_another_long_column_name", sa.Integer(), index=True, unique=True), schema="some_schema")


def downgrade():
    op.drop_column("a_very_long_table_name_that_goes_on_and_on_and_on", "yet_another_long_column_name", schema="some_schema")
