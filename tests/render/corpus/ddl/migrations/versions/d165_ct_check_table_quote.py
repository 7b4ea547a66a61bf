"""ct_check_table_quote

Revision ID: d165
Revises: d164
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d165"
down_revision = 'd164'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_check_table_quote", sa.Column("id", sa.Integer(), nullable=False), sa.Column("s", sa.String(5)), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("s <> 'x'", name="ck_q"))


def downgrade():
    op.drop_table("t_check_table_quote")
