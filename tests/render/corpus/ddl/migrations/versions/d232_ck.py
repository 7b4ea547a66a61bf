"""ck

Revision ID: d232
Revises: d231
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d232"
down_revision = 'd231'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_base_a", "base_t", "a > 0")


def downgrade():
    op.drop_constraint("ck_base_a", "base_t", type_="check")
