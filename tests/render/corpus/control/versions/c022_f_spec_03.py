"""f_spec_03

Revision ID: c022
Revises: c021
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c022"
down_revision = 'c021'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:>8}'")


def downgrade():
    op.execute(f"SELECT '{V:>8}'")
