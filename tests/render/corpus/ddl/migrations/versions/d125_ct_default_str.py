"""ct_default_str

Revision ID: d125
Revises: d124
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d125"
down_revision = 'd124'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_str", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="x"))


def downgrade():
    op.drop_table("t_default_str")
