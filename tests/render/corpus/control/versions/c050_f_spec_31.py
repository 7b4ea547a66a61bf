"""f_spec_31

Revision ID: c050
Revises: c049
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = -56

revision = "c050"
down_revision = 'c049'
branch_labels = None
depends_on = None


def upgrade():
    v = -56
    op.execute(f"SELECT '{v}'")


def downgrade():
    op.execute(f"SELECT '{V}'")
