"""f_spec_07

Revision ID: c026
Revises: c025
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c026"
down_revision = 'c025'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:.2}'")


def downgrade():
    op.execute(f"SELECT '{V:.2}'")
