"""alter_nothing

Revision ID: d224
Revises: d223
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d224"
down_revision = 'd223'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
