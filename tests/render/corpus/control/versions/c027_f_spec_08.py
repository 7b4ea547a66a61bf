"""f_spec_08

Revision ID: c027
Revises: c026
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = "abc"

revision = "c027"
down_revision = 'c026'
branch_labels = None
depends_on = None


def upgrade():
    v = "abc"
    op.execute(f"SELECT '{v:8.2}'")


def downgrade():
    op.execute(f"SELECT '{V:8.2}'")
