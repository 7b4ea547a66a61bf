"""for_over_query

Revision ID: c142
Revises: c141
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c142"
down_revision = 'c141'
branch_labels = None
depends_on = None


def upgrade():
    rows = op.get_bind().execute(sa.text('SELECT 1'))
    for row in rows or ():
        op.execute('SELECT 2')


def downgrade():
    rows = op.get_bind().execute(sa.text('SELECT 1'))
    for row in rows or ():
        op.execute('SELECT 2')
