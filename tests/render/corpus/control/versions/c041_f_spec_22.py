"""f_spec_22

Revision ID: c041
Revises: c040
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c041"
down_revision = 'c040'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:X}'")


def downgrade():
    op.execute(f"SELECT '{V:X}'")
