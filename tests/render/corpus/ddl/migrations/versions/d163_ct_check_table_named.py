"""ct_check_table_named

Revision ID: d163
Revises: d162
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d163"
down_revision = 'd162'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_check_table_named", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("a > 0", name="ck_a"))


def downgrade():
    op.drop_table("t_check_table_named")
