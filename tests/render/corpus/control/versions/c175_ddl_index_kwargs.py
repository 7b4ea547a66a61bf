"""ddl_index_kwargs

Revision ID: c175
Revises: c174
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

KW = {"unique": True, "postgresql_where": sa.text("a > 0")}

revision = "c175"
down_revision = 'c174'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_kw", "t", ["a"], **KW)


def downgrade():
    op.drop_index("ix_kw", table_name="t")
