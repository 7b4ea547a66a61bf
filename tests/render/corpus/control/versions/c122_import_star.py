"""import_star

Revision ID: c122
Revises: c121
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

from sqlalchemy import *

revision = "c122"
down_revision = 'c121'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(text("SELECT 1"))


def downgrade():
    op.execute(text("SELECT 1"))
