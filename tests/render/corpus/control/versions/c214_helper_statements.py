"""helper_statements

Revision ID: c214
Revises: c213
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

def f():
    x = "SELECT 1"
    return x

revision = "c214"
down_revision = 'c213'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f())


def downgrade():
    op.execute(f())
