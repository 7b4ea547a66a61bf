"""dyn_module_if

Revision ID: c196
Revises: c195
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

import sys
if sys.version_info > (3,):
    SQL = "SELECT 1"
else:
    SQL = "SELECT 2"

revision = "c196"
down_revision = 'c195'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SQL)


def downgrade():
    op.execute(SQL)
