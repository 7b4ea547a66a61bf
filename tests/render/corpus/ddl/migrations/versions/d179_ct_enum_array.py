"""ct_enum_array

Revision ID: d179
Revises: d178
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d179"
down_revision = 'd178'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_arr", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", postgresql.ARRAY(sa.Enum("x", "y", name="en_arr"))))


def downgrade():
    op.drop_table("t_enum_arr")
