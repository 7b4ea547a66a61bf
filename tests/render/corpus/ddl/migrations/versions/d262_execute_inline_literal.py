"""execute_inline_literal

Revision ID: d262
Revises: d261
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d262"
down_revision = 'd261'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    op.execute(sa.text("SELECT 2"))
