"""f_braces

Revision ID: c060
Revises: c059
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 1

revision = "c060"
down_revision = 'c059'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT '{{a}}' || '{N}'")


def downgrade():
    op.execute(f"SELECT '{{}}'")
