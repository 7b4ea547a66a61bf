"""ct_comment_backslash

Revision ID: d283
Revises: d282
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d283"
down_revision = 'd282'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_cbs", sa.Column("id", sa.Integer(), primary_key=True, comment="a\\b"), comment="x\\y")


def downgrade():
    op.drop_table("t_cbs")
