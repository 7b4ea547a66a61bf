"""autocommit_first

Revision ID: t001
Revises: 
Create Date: 2024-01-01 00:00:00

"""
from alembic import context, op
import sqlalchemy as sa

revision = "t001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE mood ADD VALUE 'a'")
    op.execute("SELECT 1")


def downgrade():
    op.execute("SELECT 2")
    with op.get_context().autocommit_block():
        op.execute("SELECT 3")
