"""ix_ops

Revision ID: d254
Revises: d253
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d254"
down_revision = 'd253'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_ops", "base_t", ["name"], postgresql_ops={"name": "text_pattern_ops"})


def downgrade():
    op.drop_index("ix_ops")
