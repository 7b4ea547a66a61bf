"""batch_empty

Revision ID: c162
Revises: c161
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c162"
down_revision = 'c161'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t"):
        pass


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        op.execute("SELECT 1")
