"""type_pg_interval_fields

Revision ID: d055
Revises: d054
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d055"
down_revision = 'd054'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_interval_fields", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INTERVAL(fields="DAY")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_interval_fields")
