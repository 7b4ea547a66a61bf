"""add_jsonb

Revision ID: d190
Revises: d189
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d190"
down_revision = 'd189'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", postgresql.JSONB(astext_type=sa.Text()), nullable=True))


def downgrade():
    op.drop_column("base_t", "c")
