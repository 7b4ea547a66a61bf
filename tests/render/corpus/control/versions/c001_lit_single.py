"""lit_single

Revision ID: c001
Revises: 
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute('SELECT 1')


def downgrade():
    op.execute('SELECT -1')
