"""add_enum

Revision ID: d188
Revises: d187
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d188"
down_revision = 'd187'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Enum("a", "b", name="add_enum")))


def downgrade():
    op.drop_column("base_t", "c")
