"""f_spec_18

Revision ID: c037
Revises: c036
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c037"
down_revision = 'c036'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:^8}'")


def downgrade():
    op.execute(f"SELECT '{V:^8}'")
