"""f_spec_12

Revision ID: c031
Revises: c030
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "é"

revision = "c031"
down_revision = 'c030'
branch_labels = None
depends_on = None


def upgrade():
    v = "é"
    op.execute(f"SELECT '{v:>4}'")


def downgrade():
    op.execute(f"SELECT '{V:>4}'")
