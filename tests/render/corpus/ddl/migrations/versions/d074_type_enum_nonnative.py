"""type_enum_nonnative

Revision ID: d074
Revises: d073
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d074"
down_revision = 'd073'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_nonnative", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("a", "bb", name="e_nonnative", native_enum=False)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_nonnative")
