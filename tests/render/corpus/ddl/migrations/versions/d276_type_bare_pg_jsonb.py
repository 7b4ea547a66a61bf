"""type_bare_pg_jsonb

Revision ID: d276
Revises: d275
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d276"
down_revision = 'd275'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_bare_pg_jsonb", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.JSONB), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_bare_pg_jsonb")
