"""pk_none

Revision ID: d315
Revises: d314
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d315"
down_revision = 'd314'
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key(None, "base_t", ["id"])


def downgrade():
    op.drop_constraint("base_t_pkey", "base_t")
