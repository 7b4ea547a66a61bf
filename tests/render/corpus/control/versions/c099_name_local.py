"""name_local

Revision ID: c099
Revises: c098
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c099"
down_revision = 'c098'
branch_labels = None
depends_on = None


def upgrade():
    s = "SELECT 1"
    op.execute(s)


def downgrade():
    s = "SELECT"
    s = s + " 2"
    op.execute(s)
