"""ck_schema

Revision ID: d235
Revises: d234
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d235"
down_revision = 'd234'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_sch", "base_t", "a > 0", schema="app")


def downgrade():
    op.drop_constraint("ck_sch", "base_t", schema="app")
