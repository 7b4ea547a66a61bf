"""for_tuple_target

Revision ID: c136
Revises: c135
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

INDEXES = [("ix_a", "a"), ("ix_b", "b")]

revision = "c136"
down_revision = 'c135'
branch_labels = None
depends_on = None


def upgrade():
    for name, col in [("ix_a", "a"), ("ix_b", "b")]:
        op.create_index(name, "t", [col])


def downgrade():
    for name, _ in INDEXES:
        op.drop_index(name)
