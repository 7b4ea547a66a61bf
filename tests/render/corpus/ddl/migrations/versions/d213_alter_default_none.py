"""alter_default_none

Revision ID: d213
Revises: d212
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d213"
down_revision = 'd212'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default=None)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
