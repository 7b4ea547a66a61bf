"""ix_unnamed_long

Revision ID: d337
Revises: d336
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d337"
down_revision = 'd336'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "a_very_long_table_name_that_goes_on_and_on", ["a_very_long_column_name_too_really"])


def downgrade():
    op.drop_index("ix_a_very_long_table_name_that_goes_on_and_on_a_very_lo_05cb")
