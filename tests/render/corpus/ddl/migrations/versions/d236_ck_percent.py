"""ck_percent

Revision ID: d236
Revises: d235
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d236"
down_revision = 'd235'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_pct", "base_t", "name LIKE 'a%'")


def downgrade():
    op.drop_constraint("ck_pct", "base_t")
