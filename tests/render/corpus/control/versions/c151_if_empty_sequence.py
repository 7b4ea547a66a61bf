"""if_empty_sequence

Revision ID: c151
Revises: c150
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

ITEMS = []

revision = "c151"
down_revision = 'c150'
branch_labels = None
depends_on = None


def upgrade():
    if ITEMS:
        op.execute("SELECT 1")
    else:
        op.execute("SELECT 'empty'")


def downgrade():
    if "a" in ITEMS or not ITEMS:
        op.execute("SELECT 2")
