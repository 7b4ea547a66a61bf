"""ix_using

Revision ID: d248
Revises: d247
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d248"
down_revision = 'd247'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_gin", "base_t", ["data"], postgresql_using="gin")


def downgrade():
    op.drop_index("ix_gin")
