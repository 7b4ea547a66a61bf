"""dyn_print

Revision ID: c172
Revises: c171
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c172"
down_revision = 'c171'
branch_labels = None
depends_on = None


def upgrade():
    print("hello")
    op.execute("SELECT 1")


def downgrade():
    print("hello")
    op.execute("SELECT 1")
