"""name_module_comprehension

Revision ID: c201
Revises: c200
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAMES = ["a", "b"]
QUOTED = [f"'{n}'" for n in NAMES]

revision = "c201"
down_revision = 'c200'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + ", ".join(QUOTED))


def downgrade():
    op.execute(f"SELECT {len(QUOTED)}")
