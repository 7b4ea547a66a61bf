"""type_enum_quote

Revision ID: d072
Revises: d071
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d072"
down_revision = 'd071'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_quote", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("it's", "b\\c", name="e_quote")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_quote")
