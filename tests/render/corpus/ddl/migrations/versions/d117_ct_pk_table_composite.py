"""ct_pk_table_composite

Revision ID: d117
Revises: d116
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d117"
down_revision = 'd116'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_table_composite", sa.Column("a", sa.Integer(), nullable=False), sa.Column("b", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("a", "b"))


def downgrade():
    op.drop_table("t_pk_table_composite")
