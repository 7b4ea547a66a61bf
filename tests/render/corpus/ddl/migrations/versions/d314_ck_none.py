"""ck_none

Revision ID: d314
Revises: d313
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d314"
down_revision = 'd313'
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint(None, "base_t", "a > 0")


def downgrade():
    op.drop_constraint("base_t_a_check", "base_t")
