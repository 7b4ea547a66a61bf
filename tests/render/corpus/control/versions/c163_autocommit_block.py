"""autocommit_block

Revision ID: c163
Revises: c162
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c163"
down_revision = 'c162'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 1")
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE mood ADD VALUE 'soso'")
    op.execute("SELECT 2")


def downgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_c", "t", ["c"])
        op.execute("SELECT 3")
