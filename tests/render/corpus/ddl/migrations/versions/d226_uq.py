"""uq

Revision ID: d226
Revises: d225
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d226"
down_revision = 'd225'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_base_a", "base_t", ["a"])


def downgrade():
    op.drop_constraint("uq_base_a", "base_t", type_="unique")
