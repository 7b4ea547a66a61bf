"""type_enum_nonnative_check

Revision ID: d076
Revises: d075
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d076"
down_revision = 'd075'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_nonnative_check", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("a", "bb", name="e_chk", native_enum=False, create_constraint=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_nonnative_check")
