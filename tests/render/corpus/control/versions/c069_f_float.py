"""f_float

Revision ID: c069
Revises: c068
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

X = 1.5

revision = "c069"
down_revision = 'c068'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {X}")


def downgrade():
    op.execute(f"SELECT {X}")
