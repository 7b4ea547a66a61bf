"""ct_pk_auto_true

Revision ID: d112
Revises: d111
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d112"
down_revision = 'd111'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_auto_true", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True))


def downgrade():
    op.drop_table("t_pk_auto_true")
