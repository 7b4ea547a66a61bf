"""ct_identity

Revision ID: d138
Revises: d137
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d138"
down_revision = 'd137'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_identity", sa.Column("id", sa.Integer(), sa.Identity(), primary_key=True))


def downgrade():
    op.drop_table("t_identity")
