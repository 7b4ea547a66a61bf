"""type_pg_uuid

Revision ID: d036
Revises: d035
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d036"
down_revision = 'd035'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_uuid", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.UUID()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_uuid")
