"""f_spec_26

Revision ID: c045
Revises: c044
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c045"
down_revision = 'c044'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:b}'")


def downgrade():
    op.execute(f"SELECT '{V:b}'")
