"""ct_no_columns_pk

Revision ID: d167
Revises: d166
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d167"
down_revision = 'd166'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_no_columns_pk", sa.Column("a", sa.Integer()), sa.Column("b", sa.Text()))


def downgrade():
    op.drop_table("t_no_columns_pk")
