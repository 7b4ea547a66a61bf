"""type_pg_enum_nocreate

Revision ID: d078
Revises: d077
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d078"
down_revision = 'd077'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_enum_nocreate", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.ENUM("x", "y", name="e_pg_nocreate", create_type=False)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_enum_nocreate")
