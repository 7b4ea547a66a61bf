"""ix_if_not_exists

Revision ID: d256
Revises: d255
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d256"
down_revision = 'd255'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_ine", "base_t", ["a"], if_not_exists=True)


def downgrade():
    op.drop_index("ix_ine", if_exists=True)
