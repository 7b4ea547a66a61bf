"""table_comment_quote

Revision ID: d242
Revises: d241
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d242"
down_revision = 'd241'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table_comment("base_t", "it's", existing_comment="old", schema="app")


def downgrade():
    op.drop_table_comment("base_t", existing_comment="it's", schema="app")
