"""ix_ops_text_key

Revision ID: d329
Revises: d328
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d329"
down_revision = 'd328'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_cn_trgm", "base_t", [sa.text("lower(cn)")], postgresql_ops={"lower(cn)": "gin_trgm_ops"}, postgresql_using="gin")


def downgrade():
    op.drop_index("ix_cn_trgm", table_name="base_t")
