"""f_spec_39

Revision ID: c058
Revises: c057
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = -56

revision = "c058"
down_revision = 'c057'
branch_labels = None
depends_on = None


def upgrade():
    v = -56
    op.execute(f"SELECT '{v:,}'")


def downgrade():
    op.execute(f"SELECT '{V:,}'")
