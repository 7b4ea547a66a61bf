"""f_spec_21

Revision ID: c040
Revises: c039
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c040"
down_revision = 'c039'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:x}'")


def downgrade():
    op.execute(f"SELECT '{V:x}'")
