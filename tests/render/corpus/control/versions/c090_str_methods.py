"""str_methods

Revision ID: c090
Revises: c089
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

T = "Select"

revision = "c090"
down_revision = 'c089'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(T.upper() + " 1")


def downgrade():
    op.execute(("  " + T.lower() + "  ").strip() + " 2")
