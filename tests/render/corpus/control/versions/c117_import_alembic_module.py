"""import_alembic_module

Revision ID: c117
Revises: c116
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import alembic

revision = "c117"
down_revision = 'c116'
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.execute("SELECT 1")


def downgrade():
    alembic.op.execute("SELECT 2")
