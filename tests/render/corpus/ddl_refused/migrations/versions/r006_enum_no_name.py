"""enum_no_name

Revision ID: r006
Revises: r005
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r006"
down_revision = 'r005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_noname", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Enum("a", "b")))  # retort: needs-python


def downgrade():
    op.drop_table("t_enum_noname")
