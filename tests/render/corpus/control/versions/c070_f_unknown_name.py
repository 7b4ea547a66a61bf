"""f_unknown_name

Revision ID: c070
Revises: c069
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

import os

revision = "c070"
down_revision = 'c069'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT '{os.sep}'")


def downgrade():
    op.execute(f"SELECT '{os.sep}'")
