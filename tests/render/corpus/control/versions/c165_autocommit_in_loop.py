"""autocommit_in_loop

Revision ID: c165
Revises: c164
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c165"
down_revision = 'c164'
branch_labels = None
depends_on = None


def upgrade():
    for v in ("a", "b"):
        with op.get_context().autocommit_block():
            op.execute(f"ALTER TYPE mood ADD VALUE '{v}'")


def downgrade():
    pass
