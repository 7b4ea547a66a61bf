"""sa.DOUBLE_PRECISION, SQLAlchemy 2.0's

Revision ID: n004
Revises: n003
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n004"
down_revision = "n003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", sa.DOUBLE_PRECISION()))


def downgrade() -> None:
    op.drop_column("reading", "v")
