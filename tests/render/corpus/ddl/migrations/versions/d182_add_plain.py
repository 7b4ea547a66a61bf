"""add_plain

Revision ID: d182
Revises: d181
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d182"
down_revision = 'd181'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.String(50), nullable=True))


def downgrade():
    op.drop_column("base_t", "c")
