"""f_constant

Revision ID: c018
Revises: c017
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 42
NAME = "x"

revision = "c018"
down_revision = 'c017'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {N} AS n")


def downgrade():
    op.execute(f"SELECT {NAME!r}")
