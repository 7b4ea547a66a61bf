"""dyn_op_result

Revision ID: c200
Revises: c199
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c200"
down_revision = 'c199'
branch_labels = None
depends_on = None


def upgrade():
    x = op.execute("SELECT 1")
    op.execute(f"SELECT '{x}'")


def downgrade():
    x = op.execute("SELECT 1")
    op.execute(f"SELECT '{x}'")
