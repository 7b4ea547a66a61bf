"""f_spec_14

Revision ID: c033
Revises: c032
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c033"
down_revision = 'c032'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:d}'")


def downgrade():
    op.execute(f"SELECT '{V:d}'")
