"""batch_drop_column

Revision ID: c155
Revises: c154
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c155"
down_revision = 'c154'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("a")
        batch_op.drop_column("b")


def downgrade():
    with op.batch_alter_table("t", schema="s") as b:
        b.drop_column("c")
