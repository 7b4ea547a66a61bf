"""ct_pk_smallint

Revision ID: d110
Revises: d109
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d110"
down_revision = 'd109'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_smallint", sa.Column("id", sa.SmallInteger(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_smallint")
