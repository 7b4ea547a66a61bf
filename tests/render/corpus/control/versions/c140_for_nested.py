"""for_nested

Revision ID: c140
Revises: c139
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c140"
down_revision = 'c139'
branch_labels = None
depends_on = None


def upgrade():
    for a in "xy":
        for b in (1, 2):
            op.execute(f"SELECT '{a}{b}'")


def downgrade():
    pass
