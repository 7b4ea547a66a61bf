"""for_range

Revision ID: c138
Revises: c137
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c138"
down_revision = 'c137'
branch_labels = None
depends_on = None


def upgrade():
    for i in range(3):
        op.execute(f"SELECT {i}")


def downgrade():
    for i in range(10, 0, -4):
        op.execute(f"SELECT {i}")
