"""ct_pk_with_default

Revision ID: d285
Revises: d284
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d285"
down_revision = 'd284'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkdef", sa.Column("id", sa.Integer(), primary_key=True, server_default=sa.text("1")))


def downgrade():
    op.drop_table("t_pkdef")
