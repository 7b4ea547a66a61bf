"""dyn_global

Revision ID: c192
Revises: c191
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

COUNTER = 0

revision = "c192"
down_revision = 'c191'
branch_labels = None
depends_on = None


def upgrade():
    global COUNTER
    COUNTER = 1
    op.execute("SELECT 1")


def downgrade():
    global COUNTER
    COUNTER = 1
    op.execute("SELECT 1")
