"""f_spec_24

Revision ID: c043
Revises: c042
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c043"
down_revision = 'c042'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:o}'")


def downgrade():
    op.execute(f"SELECT '{V:o}'")
