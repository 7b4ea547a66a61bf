"""name_chained

Revision ID: c102
Revises: c101
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c102"
down_revision = 'c101'
branch_labels = None
depends_on = None


def upgrade():
    a = b = "SELECT 1"
    op.execute(a)
    op.execute(b)


def downgrade():
    x = y = 2
    op.execute(f"SELECT {x + y}")
