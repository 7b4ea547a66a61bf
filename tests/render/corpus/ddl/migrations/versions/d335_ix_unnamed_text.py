"""ix_unnamed_text

Revision ID: d335
Revises: d334
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d335"
down_revision = 'd334'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "base_t", [sa.text("lower(b)")], postgresql_using="gin", postgresql_ops={"lower(b)": "gin_trgm_ops"})


def downgrade():
    op.drop_index(op.f("ix_base_t_lower(b)"))
