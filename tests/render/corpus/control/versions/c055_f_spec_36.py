"""f_spec_36

Revision ID: c055
Revises: c054
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c055"
down_revision = 'c054'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v!r}'")


def downgrade():
    op.execute(f"SELECT '{V!r}'")
