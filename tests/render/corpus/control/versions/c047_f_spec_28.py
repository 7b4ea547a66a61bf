"""f_spec_28

Revision ID: c047
Revises: c046
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234567

revision = "c047"
down_revision = 'c046'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234567
    op.execute(f"SELECT '{v:,}'")


def downgrade():
    op.execute(f"SELECT '{V:,}'")
