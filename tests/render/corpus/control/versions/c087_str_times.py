"""str_times

Revision ID: c087
Revises: c086
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c087"
down_revision = 'c086'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + "1 + " * 3 + "1")


def downgrade():
    op.execute("SELECT " + 2 * "2 + " + "2")
