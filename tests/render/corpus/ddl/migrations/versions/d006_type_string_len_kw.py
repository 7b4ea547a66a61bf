"""type_string_len_kw

Revision ID: d006
Revises: d005
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d006"
down_revision = 'd005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_string_len_kw", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.String(length=20)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_string_len_kw")
