"""helper_recursive

Revision ID: c213
Revises: c212
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

def f(s, n):
    return f(s + s, n - 1) if n else s

revision = "c213"
down_revision = 'c212'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f("x", 2))


def downgrade():
    op.execute(f("x", 2))
