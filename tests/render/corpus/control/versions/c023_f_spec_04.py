"""f_spec_04

Revision ID: c023
Revises: c022
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c023"
down_revision = 'c022'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:<8}'")


def downgrade():
    op.execute(f"SELECT '{V:<8}'")
