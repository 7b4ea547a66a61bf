"""ct_same_enum_twice

Revision ID: d178
Revises: d177
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d178"
down_revision = 'd177'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_same_enum", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_same")), sa.Column("b", sa.Enum("x", name="en_same")))


def downgrade():
    op.drop_table("t_same_enum")
