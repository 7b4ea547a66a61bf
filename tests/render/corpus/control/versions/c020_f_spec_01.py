"""f_spec_01

Revision ID: c020
Revises: c019
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c020"
down_revision = 'c019'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v!r}'")


def downgrade():
    op.execute(f"SELECT '{V!r}'")
