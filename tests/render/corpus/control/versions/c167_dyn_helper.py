"""dyn_helper

Revision ID: c167
Revises: c166
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

def helper(t):
    op.execute(f"SELECT '{t}'")

revision = "c167"
down_revision = 'c166'
branch_labels = None
depends_on = None


def upgrade():
    helper("t")


def downgrade():
    helper("t")
