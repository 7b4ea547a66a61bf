"""ct_pk_composite_auto_true

Revision ID: d323
Revises: d322
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d323"
down_revision = 'd322'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkcat", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.BigInteger(), primary_key=True, autoincrement=True))


def downgrade():
    op.drop_table("t_pkcat")
