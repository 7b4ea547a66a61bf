"""helper_unknown_inside

Revision ID: c215
Revises: c214
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

import os


def f():
    return "SELECT '" + os.sep + "'"

revision = "c215"
down_revision = 'c214'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f())


def downgrade():
    op.execute(f())
