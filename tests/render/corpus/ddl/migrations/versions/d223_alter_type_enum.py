"""alter_type_enum

Revision ID: d223
Revises: d222
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d223"
down_revision = 'd222'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.Enum("a", "b", name="alter_enum"))


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
