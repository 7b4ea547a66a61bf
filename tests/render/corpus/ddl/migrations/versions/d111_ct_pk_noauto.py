"""ct_pk_noauto

Revision ID: d111
Revises: d110
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d111"
down_revision = 'd110'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_noauto", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False))


def downgrade():
    op.drop_table("t_pk_noauto")
