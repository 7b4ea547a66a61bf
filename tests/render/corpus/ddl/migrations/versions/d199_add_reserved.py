"""add_reserved

Revision ID: d199
Revises: d198
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d199"
down_revision = 'd198'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("select", sa.Text()))


def downgrade():
    op.drop_column("base_t", "select")
