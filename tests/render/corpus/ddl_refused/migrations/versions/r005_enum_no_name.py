"""enum_no_name

Revision ID: r005
Revises: r004
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r005"
down_revision = 'r004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_noname", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Enum("a", "b")))  # retort: needs-python


def downgrade():
    op.drop_table("t_enum_noname")
