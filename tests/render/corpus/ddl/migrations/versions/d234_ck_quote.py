"""ck_quote

Revision ID: d234
Revises: d233
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d234"
down_revision = 'd233'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_base_q", "base_t", "name <> ''")


def downgrade():
    op.drop_constraint("ck_base_q", "base_t")
