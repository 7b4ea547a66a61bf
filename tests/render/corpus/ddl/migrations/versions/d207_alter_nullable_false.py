"""alter_nullable_false

Revision ID: d207
Revises: d206
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d207"
down_revision = 'd206'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", nullable=False)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
