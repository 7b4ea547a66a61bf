"""add_fk_named

Revision ID: d193
Revises: d192
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d193"
down_revision = 'd192'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), sa.ForeignKey("parent.id", name="fk_add", ondelete="CASCADE")))


def downgrade():
    op.drop_column("base_t", "c")
