"""ix_ops_text_mixed

Revision ID: d300
Revises: d299
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d300"
down_revision = 'd299'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_ops2", "base_t", ["name", "a", sa.text("lower(b)")], postgresql_ops={"a": "int4_ops", "name": "varchar_pattern_ops", "zz": "x_ops"})


def downgrade():
    op.drop_index("ix_ops2")
