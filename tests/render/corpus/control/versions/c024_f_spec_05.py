"""f_spec_05

Revision ID: c024
Revises: c023
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c024"
down_revision = 'c023'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:^9}'")


def downgrade():
    op.execute(f"SELECT '{V:^9}'")
