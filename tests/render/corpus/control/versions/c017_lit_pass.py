"""lit_pass

Revision ID: c017
Revises: c016
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c017"
down_revision = 'c016'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
