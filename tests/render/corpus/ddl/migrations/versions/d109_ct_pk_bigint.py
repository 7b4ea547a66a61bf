"""ct_pk_bigint

Revision ID: d109
Revises: d108
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d109"
down_revision = 'd108'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_bigint", sa.Column("id", sa.BigInteger(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_bigint")
