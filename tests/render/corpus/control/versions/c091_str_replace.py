"""str_replace

Revision ID: c091
Revises: c090
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAME = "orders"

revision = "c091"
down_revision = 'c090'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 'X'".replace("X", NAME))


def downgrade():
    op.execute("SELECT 2" if NAME.startswith("o") else "SELECT 3")
