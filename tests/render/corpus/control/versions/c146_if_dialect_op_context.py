"""if_dialect_op_context

Revision ID: c146
Revises: c145
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c146"
down_revision = 'c145'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == "postgresql":
        op.execute("SELECT 'pg'")
    else:
        op.execute("SELECT 'other'")


def downgrade():
    if op.get_context().dialect.name != "postgresql":
        op.drop_table("x")
