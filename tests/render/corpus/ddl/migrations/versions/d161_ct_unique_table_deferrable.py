"""ct_unique_table_deferrable

Revision ID: d161
Revises: d160
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d161"
down_revision = 'd160'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unique_table_deferrable", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a", name="uq_d", deferrable=True, initially="DEFERRED"))


def downgrade():
    op.drop_table("t_unique_table_deferrable")
