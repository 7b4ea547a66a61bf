"""ct_pk_auto_true_default

Revision ID: d326
Revises: d325
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d326"
down_revision = 'd325'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkatd", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True, server_default=sa.text("1")))


def downgrade():
    op.drop_table("t_pkatd")
