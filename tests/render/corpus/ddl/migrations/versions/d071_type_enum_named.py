"""type_enum_named

Revision ID: d071
Revises: d070
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d071"
down_revision = 'd070'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_named", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("a", "b", name="e_named")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_named")
