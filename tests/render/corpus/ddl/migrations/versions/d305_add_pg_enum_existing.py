"""add_pg_enum_existing

Revision ID: d305
Revises: d304
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d305"
down_revision = 'd304'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("m", postgresql.ENUM(name="existing_mood", create_type=False)))


def downgrade():
    op.drop_column("base_t", "m")
