"""lit_docstring_only

Revision ID: c015
Revises: c014
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c015"
down_revision = 'c014'
branch_labels = None
depends_on = None


def upgrade():
    """Nothing to do."""


def downgrade():
    """Nothing to undo."""
    pass
