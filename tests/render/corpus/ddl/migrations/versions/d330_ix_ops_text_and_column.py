"""ix_ops_text_and_column

Revision ID: d330
Revises: d329
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d330"
down_revision = 'd329'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_cn_two", "base_t", ["a", sa.text("lower(cn)"), sa.text("b DESC")], postgresql_ops={"lower(cn)": "text_pattern_ops", "a": "int4_ops"})


def downgrade():
    op.drop_index("ix_cn_two")
