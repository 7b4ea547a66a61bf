"""sa.Double, SQLAlchemy 2.0's

Revision ID: n003
Revises: n002
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n003"
down_revision = "n002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", sa.Double(asdecimal=True)))


def downgrade() -> None:
    op.drop_column("reading", "v")
