"""add_default_func

Revision ID: d186
Revises: d185
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d186"
down_revision = 'd185'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.DateTime(), server_default=sa.func.now()))


def downgrade():
    op.drop_column("base_t", "c")
