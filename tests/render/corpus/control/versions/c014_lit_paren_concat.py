"""lit_paren_concat

Revision ID: c014
Revises: c013
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c014"
down_revision = 'c013'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(('SELECT 1'
                ' + 2'))


def downgrade():
    op.execute(('SELECT 3'))
