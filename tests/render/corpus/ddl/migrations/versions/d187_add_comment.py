"""add_comment

Revision ID: d187
Revises: d186
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d187"
down_revision = 'd186'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), comment="a comment"))


def downgrade():
    op.drop_column("base_t", "c")
