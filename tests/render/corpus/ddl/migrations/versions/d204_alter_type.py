"""alter_type

Revision ID: d204
Revises: d203
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d204"
down_revision = 'd203'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.String(100))


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
