"""lit_ellipsis

Revision ID: c016
Revises: c015
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c016"
down_revision = 'c015'
branch_labels = None
depends_on = None


def upgrade():
    ...


def downgrade():
    ...
