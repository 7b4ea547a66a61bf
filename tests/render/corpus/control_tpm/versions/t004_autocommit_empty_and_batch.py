"""autocommit_empty_and_batch

Revision ID: t004
Revises: t003
Create Date: 2024-01-01 00:00:00

"""
from alembic import context, op
import sqlalchemy as sa

revision = "t004"
down_revision = 't003'
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        pass
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("b")
        op.execute("SELECT 5")


def downgrade():
    for v in ("x", "y"):
        with op.get_context().autocommit_block():
            op.execute(f"ALTER TYPE mood ADD VALUE '{v}'")
