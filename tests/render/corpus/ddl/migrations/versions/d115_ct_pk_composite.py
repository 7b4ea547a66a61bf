"""ct_pk_composite

Revision ID: d115
Revises: d114
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d115"
down_revision = 'd114'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_composite", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_composite")
