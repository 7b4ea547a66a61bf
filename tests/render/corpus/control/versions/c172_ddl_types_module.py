"""ddl_types_module

Revision ID: c172
Revises: c171
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy import types

revision = "c172"
down_revision = 'c171'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("t", sa.Column("n", types.BigInteger(), server_default="0"))


def downgrade():
    op.drop_column("t", "n")
