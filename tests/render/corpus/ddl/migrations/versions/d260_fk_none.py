"""fk_none

Revision ID: d260
Revises: d259
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d260"
down_revision = 'd259'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(None, "child", "parent", ["pid"], ["id"])


def downgrade():
    op.drop_constraint("child_pid_fkey", "child")
