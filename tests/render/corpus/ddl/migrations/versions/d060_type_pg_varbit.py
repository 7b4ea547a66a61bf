"""type_pg_varbit

Revision ID: d060
Revises: d059
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d060"
down_revision = 'd059'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_varbit", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.BIT(varying=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_varbit")
