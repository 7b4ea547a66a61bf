"""if_dialect_context

Revision ID: c147
Revises: c146
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from alembic import context

revision = "c147"
down_revision = 'c146'
branch_labels = None
depends_on = None


def upgrade():
    if context.get_context().dialect.name in ("postgresql", "sqlite"):
        op.execute("SELECT 1")


def downgrade():
    dialect = context.get_context().dialect.name
    if dialect == "sqlite":
        pass
    elif dialect == "postgresql":
        op.execute("SELECT 2")
    else:
        op.execute("SELECT 3")
