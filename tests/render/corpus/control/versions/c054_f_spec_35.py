"""f_spec_35

Revision ID: c054
Revises: c053
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = -56

revision = "c054"
down_revision = 'c053'
branch_labels = None
depends_on = None


def upgrade():
    v = -56
    op.execute(f"SELECT '{v:x}'")


def downgrade():
    op.execute(f"SELECT '{V:x}'")
