"""lit_whitespace_stripped

Revision ID: c012
Revises: c011
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c012"
down_revision = 'c011'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('   SELECT 1   \n\n')


def downgrade():
    op.execute('\n\tSELECT\t2\n')
