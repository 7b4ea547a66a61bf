"""dyn_nested_def

Revision ID: c197
Revises: c196
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c197"
down_revision = 'c196'
branch_labels = None
depends_on = None


def upgrade():
    def inner():
        op.execute("SELECT 1")
    inner()


def downgrade():
    def inner():
        op.execute("SELECT 1")
    inner()
