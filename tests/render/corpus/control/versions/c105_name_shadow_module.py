"""name_shadow_module

Revision ID: c105
Revises: c104
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

SQL = "SELECT module"

revision = "c105"
down_revision = 'c104'
branch_labels = None
depends_on = None


def upgrade():
    SQL = "SELECT local"
    op.execute(SQL)


def downgrade():
    op.execute(SQL)
