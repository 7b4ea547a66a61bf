"""f_spec_13

Revision ID: c032
Revises: c031
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c032"
down_revision = 'c031'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v}'")


def downgrade():
    op.execute(f"SELECT '{V}'")
