"""batch_index

Revision ID: c156
Revises: c155
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c156"
down_revision = 'c155'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.create_index("ix_a", ["a"], unique=True)


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_index("ix_a")
