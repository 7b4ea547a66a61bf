"""f_spec_10

Revision ID: c029
Revises: c028
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "it's"

revision = "c029"
down_revision = 'c028'
branch_labels = None
depends_on = None


def upgrade():
    v = "it's"
    op.execute(f"SELECT '{v!r}'")


def downgrade():
    op.execute(f"SELECT '{V!r}'")
