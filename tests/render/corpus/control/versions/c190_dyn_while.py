"""dyn_while

Revision ID: c190
Revises: c189
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c190"
down_revision = 'c189'
branch_labels = None
depends_on = None


def upgrade():
    i = 0
    while i < 2:
        op.execute(f"SELECT {i}")
        i += 1


def downgrade():
    i = 0
    while i < 2:
        op.execute(f"SELECT {i}")
        i += 1
