"""ct_enum_and_index

Revision ID: d180
Revises: d179
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d180"
down_revision = 'd179'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_ix", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_ix"), index=True, comment="mood"), comment="tbl")


def downgrade():
    op.drop_table("t_enum_ix")
