"""batch_order

Revision ID: c160
Revises: c159
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c160"
down_revision = 'c159'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("a")
        op.execute("SELECT 'plain op runs first'")
        batch_op.execute("SELECT 'batch execute runs at once'")
        batch_op.drop_column("b")
    op.execute("SELECT 'after'")


def downgrade():
    op.execute("SELECT 1")
    with op.batch_alter_table("t") as batch_op:
        for c in ("x", "y"):
            batch_op.drop_column(c)
    op.execute("SELECT 2")
