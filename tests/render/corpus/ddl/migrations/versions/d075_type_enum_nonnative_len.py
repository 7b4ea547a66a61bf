"""type_enum_nonnative_len

Revision ID: d075
Revises: d074
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d075"
down_revision = 'd074'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_nonnative_len", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("a", "bb", native_enum=False, length=10)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_nonnative_len")
