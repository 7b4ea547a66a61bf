"""ct_pk_fk

Revision ID: d287
Revises: d286
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d287"
down_revision = 'd286'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfk", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True))


def downgrade():
    op.drop_table("t_pkfk")
