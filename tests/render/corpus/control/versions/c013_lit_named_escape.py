"""lit_named_escape

Revision ID: c013
Revises: c012
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c013"
down_revision = 'c012'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('SELECT \N{LATIN SMALL LETTER E WITH ACUTE}')


def downgrade():
    op.execute('SELECT \N{EURO SIGN}')
