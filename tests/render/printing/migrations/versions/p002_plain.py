"""a step that renders natively between printing ones

Revision ID: p002
Revises: p001
Create Date: 2026-12-07 07:01:00

"""
from alembic import op
import sqlalchemy as sa

revision = "p002"
down_revision = "p001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item", sa.Column("name", sa.Text()))


def downgrade() -> None:
    op.drop_column("item", "name")
