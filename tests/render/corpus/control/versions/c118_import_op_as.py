"""import_op_as

Revision ID: c118
Revises: c117
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from alembic import op as o

revision = "c118"
down_revision = 'c117'
branch_labels = None
depends_on = None


def upgrade():
    o.execute("SELECT 1")


def downgrade():
    o.execute("SELECT 2")
