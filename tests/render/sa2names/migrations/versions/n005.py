"""sa.INET: only the PostgreSQL dialect has INET in SQLAlchemy 1.4

Revision ID: n005
Revises: n004
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n005"
down_revision = "n004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", sa.INET()))


def downgrade() -> None:
    op.drop_column("reading", "v")
