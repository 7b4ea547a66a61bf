"""f_spec_02

Revision ID: c021
Revises: c020
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c021"
down_revision = 'c020'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v!s}'")


def downgrade():
    op.execute(f"SELECT '{V!s}'")
