"""ix_include

Revision ID: d249
Revises: d248
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d249"
down_revision = 'd248'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_inc", "base_t", ["a"], postgresql_include=["b", "c"])


def downgrade():
    op.drop_index("ix_inc")
