"""add_identity

Revision ID: d197
Revises: d196
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d197"
down_revision = 'd196'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), sa.Identity()))


def downgrade():
    op.drop_column("base_t", "c")
