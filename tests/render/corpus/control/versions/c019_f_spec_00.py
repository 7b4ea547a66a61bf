"""f_spec_00

Revision ID: c019
Revises: c018
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c019"
down_revision = 'c018'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v}'")


def downgrade():
    op.execute(f"SELECT '{V}'")
