"""table_comment

Revision ID: d241
Revises: d240
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d241"
down_revision = 'd240'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table_comment("base_t", "the comment")


def downgrade():
    op.drop_table_comment("base_t")
