"""lit_escapes

Revision ID: c008
Revises: c007
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c008"
down_revision = 'c007'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('SELECT \'\u00e9\x41\101\' AS e')


def downgrade():
    op.execute('SELECT \"\\\" AS q')
