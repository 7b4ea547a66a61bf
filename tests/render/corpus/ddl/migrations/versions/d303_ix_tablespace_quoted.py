"""ix_tablespace_quoted

Revision ID: d303
Revises: d302
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d303"
down_revision = 'd302'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_tsq", "base_t", ["a"], postgresql_tablespace="Fast")


def downgrade():
    op.drop_index("ix_tsq", if_exists=False)
