"""ct_identity_opts

Revision ID: d140
Revises: d139
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d140"
down_revision = 'd139'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_identity_opts", sa.Column("id", sa.Integer(), sa.Identity(start=10, increment=5), primary_key=True))


def downgrade():
    op.drop_table("t_identity_opts")
