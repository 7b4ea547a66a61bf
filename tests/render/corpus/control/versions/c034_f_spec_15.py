"""f_spec_15

Revision ID: c034
Revises: c033
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c034"
down_revision = 'c033'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:06d}'")


def downgrade():
    op.execute(f"SELECT '{V:06d}'")
