"""for_module_tuple

Revision ID: c135
Revises: c134
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

TABLES = ("a", "b", "c")
reversed_tables = TABLES[::-1]

revision = "c135"
down_revision = 'c134'
branch_labels = None
depends_on = None


def upgrade():
    for t in TABLES:
        op.drop_table(t)


def downgrade():
    for t in reversed_tables:
        op.execute('SELECT 1')
