"""ix_with_two

Revision ID: d301
Revises: d300
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d301"
down_revision = 'd300'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_with2", "base_t", ["data"], postgresql_using="GIN", postgresql_with={"fastupdate": "off", "gin_pending_list_limit": 64})


def downgrade():
    op.drop_index("ix_with2")
