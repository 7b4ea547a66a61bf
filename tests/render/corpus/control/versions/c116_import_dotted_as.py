"""import_dotted_as

Revision ID: c116
Revises: c115
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import sqlalchemy.sql as sasql

revision = "c116"
down_revision = 'c115'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sasql.text("SELECT 1"))


def downgrade():
    op.execute(sasql.text("SELECT 2"))
