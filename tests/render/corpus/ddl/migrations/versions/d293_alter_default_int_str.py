"""alter_default_int_str

Revision ID: d293
Revises: d292
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d293"
down_revision = 'd292'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default="5", existing_type=sa.Integer())


def downgrade():
    op.alter_column("base_t", "c", server_default=None)
