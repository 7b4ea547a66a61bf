"""type_pg_interval_prec

Revision ID: d056
Revises: d055
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d056"
down_revision = 'd055'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_interval_prec", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.INTERVAL(precision=3)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_interval_prec")
