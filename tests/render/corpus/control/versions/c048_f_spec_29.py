"""f_spec_29

Revision ID: c048
Revises: c047
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234567

revision = "c048"
down_revision = 'c047'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234567
    op.execute(f"SELECT '{v:_}'")


def downgrade():
    op.execute(f"SELECT '{V:_}'")
