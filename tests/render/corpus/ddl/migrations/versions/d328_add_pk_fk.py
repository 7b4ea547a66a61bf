"""add_pk_fk

Revision ID: d328
Revises: d327
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d328"
down_revision = 'd327'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True))


def downgrade():
    op.drop_column("base_t", "c")
