"""lit_double

Revision ID: c002
Revises: c001
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c002"
down_revision = 'c001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 2")


def downgrade():
    op.execute("SELECT -2")
