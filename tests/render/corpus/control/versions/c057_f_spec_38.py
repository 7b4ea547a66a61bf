"""f_spec_38

Revision ID: c057
Revises: c056
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c057"
down_revision = 'c056'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:#010x}'")


def downgrade():
    op.execute(f"SELECT '{V:#010x}'")
