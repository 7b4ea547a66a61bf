"""sa.UUID, SQLAlchemy 2.0's

Revision ID: n002
Revises: n001
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n002"
down_revision = "n001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", sa.UUID()))


def downgrade() -> None:
    op.drop_column("reading", "v")
