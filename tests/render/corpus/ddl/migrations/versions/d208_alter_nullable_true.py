"""alter_nullable_true

Revision ID: d208
Revises: d207
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d208"
down_revision = 'd207'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", nullable=True)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
