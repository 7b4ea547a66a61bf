"""alter_all

Revision ID: d220
Revises: d219
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d220"
down_revision = 'd219'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.BigInteger(), nullable=False, server_default="0", comment="all", new_column_name="e", existing_type=sa.Integer())


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
