"""for_over_set

Revision ID: c143
Revises: c142
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c143"
down_revision = 'c142'
branch_labels = None
depends_on = None


def upgrade():
    for t in {'a', 'b'}:
        op.execute('SELECT 1')


def downgrade():
    for t in {'a', 'b'}:
        op.execute('SELECT 1')
