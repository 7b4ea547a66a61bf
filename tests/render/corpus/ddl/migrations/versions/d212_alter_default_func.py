"""alter_default_func

Revision ID: d212
Revises: d211
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d212"
down_revision = 'd211'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default=sa.func.now())


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
