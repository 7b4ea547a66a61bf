"""ct_index_col_long

Revision ID: d338
Revises: d337
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d338"
down_revision = 'd337'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("a_very_long_table_name_that_goes_on_and_on_and_on", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("another_rather_long_column", sa.Integer(), index=True))


def downgrade():
    op.drop_table("a_very_long_table_name_that_goes_on_and_on_and_on")
