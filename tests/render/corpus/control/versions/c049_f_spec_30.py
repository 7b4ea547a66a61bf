"""f_spec_30

Revision ID: c049
Revises: c048
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234567

revision = "c049"
down_revision = 'c048'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234567
    op.execute(f"SELECT '{v:_x}'")


def downgrade():
    op.execute(f"SELECT '{V:_x}'")
