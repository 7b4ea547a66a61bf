"""f_spec_06

Revision ID: c025
Revises: c024
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c025"
down_revision = 'c024'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:*^9}'")


def downgrade():
    op.execute(f"SELECT '{V:*^9}'")
