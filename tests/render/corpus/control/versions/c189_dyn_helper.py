"""dyn_helper

Revision ID: c189
Revises: c188
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

def helper(t):
    op.execute(f"SELECT '{t}'")

revision = "c189"
down_revision = 'c188'
branch_labels = None
depends_on = None


def upgrade():
    helper("t")


def downgrade():
    helper("t")
