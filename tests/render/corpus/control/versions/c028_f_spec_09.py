"""f_spec_09

Revision ID: c028
Revises: c027
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c028"
down_revision = 'c027'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:s}'")


def downgrade():
    op.execute(f"SELECT '{V:s}'")
