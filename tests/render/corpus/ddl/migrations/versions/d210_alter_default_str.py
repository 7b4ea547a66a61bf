"""alter_default_str

Revision ID: d210
Revises: d209
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d210"
down_revision = 'd209'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default="x")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
