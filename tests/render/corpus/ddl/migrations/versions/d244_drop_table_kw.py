"""drop_table_kw

Revision ID: d244
Revises: d243
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d244"
down_revision = 'd243'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table(table_name="gone2")


def downgrade():
    op.create_table("gone2", sa.Column("id", sa.Integer(), primary_key=True))
