"""ct_two_enums

Revision ID: d177
Revises: d176
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d177"
down_revision = 'd176'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_two_enums", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_a")), sa.Column("b", postgresql.ENUM("y", "z", name="en_b")))


def downgrade():
    op.drop_table("t_two_enums")
