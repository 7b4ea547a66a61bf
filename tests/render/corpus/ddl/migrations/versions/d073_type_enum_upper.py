"""type_enum_upper

Revision ID: d073
Revises: d072
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d073"
down_revision = 'd072'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_upper", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Enum("A", "B", name="MyEnum")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_enum_upper")
