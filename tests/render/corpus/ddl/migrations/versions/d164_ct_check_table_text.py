"""ct_check_table_text

Revision ID: d164
Revises: d163
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d164"
down_revision = 'd163'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_check_table_text", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint(sa.text("a < 100"), name="ck_text"))


def downgrade():
    op.drop_table("t_check_table_text")
