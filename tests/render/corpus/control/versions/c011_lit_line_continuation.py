"""lit_line_continuation

Revision ID: c011
Revises: c010
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c011"
down_revision = 'c010'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('SELECT 1 \
    + 1')


def downgrade():
    op.execute(\
        'SELECT 2')
