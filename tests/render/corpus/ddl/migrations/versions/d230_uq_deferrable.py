"""uq_deferrable

Revision ID: d230
Revises: d229
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d230"
down_revision = 'd229'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_def", "base_t", ["a"], deferrable=True, initially="DEFERRED")


def downgrade():
    op.drop_constraint("uq_def", "base_t")
