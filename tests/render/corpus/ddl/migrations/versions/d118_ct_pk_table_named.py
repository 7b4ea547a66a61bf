"""ct_pk_table_named

Revision ID: d118
Revises: d117
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d118"
down_revision = 'd117'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_table_named", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name="pk_thing"))


def downgrade():
    op.drop_table("t_pk_table_named")
