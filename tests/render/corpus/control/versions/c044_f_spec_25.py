"""f_spec_25

Revision ID: c044
Revises: c043
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c044"
down_revision = 'c043'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:#o}'")


def downgrade():
    op.execute(f"SELECT '{V:#o}'")
