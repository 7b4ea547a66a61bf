"""alter_schema

Revision ID: d221
Revises: d220
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d221"
down_revision = 'd220'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", nullable=False, schema="app")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
