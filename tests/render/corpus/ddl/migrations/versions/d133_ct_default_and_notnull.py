"""ct_default_and_notnull

Revision ID: d133
Revises: d132
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d133"
down_revision = 'd132'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_and_notnull", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Boolean(), server_default=sa.text("true"), nullable=False))


def downgrade():
    op.drop_table("t_default_and_notnull")
