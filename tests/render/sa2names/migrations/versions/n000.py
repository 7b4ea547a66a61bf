"""the table, and the PostgreSQL dialect's spellings, which SQLAlchemy 1.4 has

Revision ID: n000
Revises:
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n000"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reading",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", postgresql.UUID(as_uuid=True)),
        sa.Column("value", postgresql.DOUBLE_PRECISION()),
        sa.Column("source", postgresql.INET()),
    )


def downgrade() -> None:
    op.drop_table("reading")
