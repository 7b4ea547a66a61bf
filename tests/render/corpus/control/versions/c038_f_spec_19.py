"""f_spec_19

Revision ID: c038
Revises: c037
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c038"
down_revision = 'c037'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:+d}'")


def downgrade():
    op.execute(f"SELECT '{V:+d}'")
