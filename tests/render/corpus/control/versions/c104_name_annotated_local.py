"""name_annotated_local

Revision ID: c104
Revises: c103
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c104"
down_revision = 'c103'
branch_labels = None
depends_on = None


def upgrade():
    s: str = "SELECT 1"
    op.execute(s)


def downgrade():
    pass
