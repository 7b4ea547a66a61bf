"""alter_nullable_existing

Revision ID: d209
Revises: d208
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d209"
down_revision = 'd208'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", existing_type=sa.String(50), nullable=False, existing_server_default=sa.text("1"))


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
