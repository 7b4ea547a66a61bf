"""ix_unnamed_unique_schema

Revision ID: d334
Revises: d333
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d334"
down_revision = 'd333'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "base_t", ["a", "b"], unique=True, schema="app")


def downgrade():
    op.drop_index("ix_app_base_t_a", schema="app")
