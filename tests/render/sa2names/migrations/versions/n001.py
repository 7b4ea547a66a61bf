"""sa.Uuid, SQLAlchemy 2.0's

Revision ID: n001
Revises: n000
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n001"
down_revision = "n000"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", sa.Uuid(as_uuid=True)))


def downgrade() -> None:
    op.drop_column("reading", "v")
