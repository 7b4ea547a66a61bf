"""alter_rename_reserved

Revision ID: d216
Revises: d215
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d216"
down_revision = 'd215'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", new_column_name="order")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
