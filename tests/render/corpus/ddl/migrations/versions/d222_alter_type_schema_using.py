"""alter_type_schema_using

Revision ID: d222
Revises: d221
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d222"
down_revision = 'd221'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=postgresql.JSONB(), postgresql_using="c::jsonb", schema="app")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
