"""f_spec_32

Revision ID: c051
Revises: c050
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = -56

revision = "c051"
down_revision = 'c050'
branch_labels = None
depends_on = None


def upgrade():
    v = -56
    op.execute(f"SELECT '{v:06}'")


def downgrade():
    op.execute(f"SELECT '{V:06}'")
