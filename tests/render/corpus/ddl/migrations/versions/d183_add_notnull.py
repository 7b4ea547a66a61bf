"""add_notnull

Revision ID: d183
Revises: d182
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d183"
down_revision = 'd182'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), nullable=False))


def downgrade():
    op.drop_column("base_t", "c")
