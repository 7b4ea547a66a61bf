"""dyn_try

Revision ID: c191
Revises: c190
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c191"
down_revision = 'c190'
branch_labels = None
depends_on = None


def upgrade():
    try:
        op.execute("SELECT 1")
    except Exception:
        pass


def downgrade():
    try:
        op.execute("SELECT 1")
    except Exception:
        pass
