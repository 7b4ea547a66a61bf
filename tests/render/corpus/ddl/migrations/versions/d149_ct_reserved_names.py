"""ct_reserved_names

Revision ID: d149
Revises: d148
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d149"
down_revision = 'd148'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_reserved_names", sa.Column("user", sa.Integer(), primary_key=True), sa.Column("order", sa.String(5)), sa.Column("CamelCase", sa.Integer()))


def downgrade():
    op.drop_table("t_reserved_names")
