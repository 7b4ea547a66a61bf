"""ix_where

Revision ID: d247
Revises: d246
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d247"
down_revision = 'd246'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_where", "base_t", ["a"], postgresql_where=sa.text("a > 0"))


def downgrade():
    op.drop_index("ix_where")
