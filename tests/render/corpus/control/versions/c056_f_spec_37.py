"""f_spec_37

Revision ID: c056
Revises: c055
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c056"
down_revision = 'c055'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:0=10}'")


def downgrade():
    op.execute(f"SELECT '{V:0=10}'")
