"""type_sa_datetime_upper

Revision ID: d097
Revises: d096
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d097"
down_revision = 'd096'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_datetime_upper", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DATETIME()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_datetime_upper")
