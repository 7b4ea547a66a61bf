"""uq_multi

Revision ID: d227
Revises: d226
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d227"
down_revision = 'd226'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_base_ab", "base_t", ["a", "b"])


def downgrade():
    op.drop_constraint("uq_base_ab", "base_t")
