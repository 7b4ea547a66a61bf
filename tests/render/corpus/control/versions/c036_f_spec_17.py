"""f_spec_17

Revision ID: c036
Revises: c035
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c036"
down_revision = 'c035'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:<8}'")


def downgrade():
    op.execute(f"SELECT '{V:<8}'")
