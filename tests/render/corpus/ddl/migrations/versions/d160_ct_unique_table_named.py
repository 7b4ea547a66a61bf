"""ct_unique_table_named

Revision ID: d160
Revises: d159
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d160"
down_revision = 'd159'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unique_table_named", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a", "b", name="uq_ab"))


def downgrade():
    op.drop_table("t_unique_table_named")
