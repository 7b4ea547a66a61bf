"""type_pg_bit

Revision ID: d059
Revises: d058
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d059"
down_revision = 'd058'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_bit", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.BIT(3)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_bit")
