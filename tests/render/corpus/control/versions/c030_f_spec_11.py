"""f_spec_11

Revision ID: c030
Revises: c029
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "é"

revision = "c030"
down_revision = 'c029'
branch_labels = None
depends_on = None


def upgrade():
    v = "é"
    op.execute(f"SELECT '{v!r}'")


def downgrade():
    op.execute(f"SELECT '{V!r}'")
