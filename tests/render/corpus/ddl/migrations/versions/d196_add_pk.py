"""add_pk

Revision ID: d196
Revises: d195
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d196"
down_revision = 'd195'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("base_t", sa.Column("c", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_column("base_t", "c")
