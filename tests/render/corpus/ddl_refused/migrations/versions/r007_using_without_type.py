"""using_without_type

Revision ID: r007
Revises: r006
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r007"
down_revision = 'r006'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", postgresql_using="c::int")  # retort: needs-python


def downgrade():
    op.execute("SELECT 1")
