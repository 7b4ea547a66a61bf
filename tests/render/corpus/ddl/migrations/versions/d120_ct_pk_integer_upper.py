"""ct_pk_integer_upper

Revision ID: d120
Revises: d119
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d120"
down_revision = 'd119'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_integer_upper", sa.Column("id", sa.INTEGER(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_integer_upper")
