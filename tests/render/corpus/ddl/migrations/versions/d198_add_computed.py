"""add_computed

Revision ID: d198
Revises: d197
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d198"
down_revision = 'd197'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), sa.Computed("id * 2")))


def downgrade():
    op.drop_column("base_t", "c")
