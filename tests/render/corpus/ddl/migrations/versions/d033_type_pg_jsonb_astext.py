"""type_pg_jsonb_astext

Revision ID: d033
Revises: d032
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d033"
down_revision = 'd032'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_jsonb_astext", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.JSONB(astext_type=sa.Text())), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_jsonb_astext")
