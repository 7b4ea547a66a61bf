"""batch_two_blocks

Revision ID: c161
Revises: c160
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c161"
down_revision = 'c160'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("a") as b1:
        b1.drop_column("x")
    with op.batch_alter_table("b") as b2:
        b2.drop_column("y")


def downgrade():
    with op.batch_alter_table("a") as outer:
        with op.batch_alter_table("b") as inner:
            inner.drop_column("y")
            outer.drop_column("x")
