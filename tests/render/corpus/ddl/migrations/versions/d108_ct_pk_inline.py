"""ct_pk_inline

Revision ID: d108
Revises: d107
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d108"
down_revision = 'd107'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_inline", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_inline")
