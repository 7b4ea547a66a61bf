"""lit_concat_raw_plain

Revision ID: c007
Revises: c006
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c007"
down_revision = 'c006'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(r'SELECT ''\w'', ' '''\t''')


def downgrade():
    op.execute('SELECT ' r'1')
