"""lit_raw

Revision ID: c005
Revises: c004
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c005"
down_revision = 'c004'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(r'SELECT E''\\d+''')


def downgrade():
    op.execute(R'SELECT ''\n''')
