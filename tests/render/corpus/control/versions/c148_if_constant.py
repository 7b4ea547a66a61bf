"""if_constant

Revision ID: c148
Revises: c147
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

FEATURE = True
COUNT = 3

revision = "c148"
down_revision = 'c147'
branch_labels = None
depends_on = None


def upgrade():
    if FEATURE:
        op.execute("SELECT 1")
    if not FEATURE:
        op.execute("SELECT 0")


def downgrade():
    if COUNT > 2 and FEATURE or False:
        op.execute("SELECT 2")
