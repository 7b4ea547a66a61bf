"""ck_text

Revision ID: d233
Revises: d232
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d233"
down_revision = 'd232'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_base_t", "base_t", sa.text("a < 10"))


def downgrade():
    op.drop_constraint("ck_base_t", "base_t")
