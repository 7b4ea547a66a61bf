"""uq_none

Revision ID: d228
Revises: d227
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d228"
down_revision = 'd227'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(None, "base_t", ["a"])


def downgrade():
    op.drop_constraint("base_t_a_key", "base_t")
