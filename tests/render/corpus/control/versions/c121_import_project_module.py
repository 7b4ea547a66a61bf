"""import_project_module

Revision ID: c121
Revises: c120
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

import os

revision = "c121"
down_revision = 'c120'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(os.environ.get("X", "SELECT 1"))


def downgrade():
    op.execute(os.environ.get("X", "SELECT 1"))
