"""ix_tablespace

Revision ID: d302
Revises: d301
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d302"
down_revision = 'd301'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_ts", "base_t", ["a"], postgresql_tablespace="fast_disk", postgresql_where=sa.text("a > 1"), postgresql_with={"fillfactor": 70})


def downgrade():
    op.drop_index("ix_ts")
