"""import_alembic_op_as

Revision ID: c119
Revises: c118
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import alembic.op as ops

revision = "c119"
down_revision = 'c118'
branch_labels = None
depends_on = None


def upgrade():
    ops.execute("SELECT 1")


def downgrade():
    ops.execute("SELECT 2")
