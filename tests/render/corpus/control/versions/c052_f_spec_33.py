"""f_spec_33

Revision ID: c052
Revises: c051
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = -56

revision = "c052"
down_revision = 'c051'
branch_labels = None
depends_on = None


def upgrade():
    v = -56
    op.execute(f"SELECT '{v:=+8}'")


def downgrade():
    op.execute(f"SELECT '{V:=+8}'")
