"""type_pg_array_text_dim

Revision ID: d041
Revises: d040
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d041"
down_revision = 'd040'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_array_text_dim", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ARRAY(sa.Text(), dimensions=2)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_array_text_dim")
