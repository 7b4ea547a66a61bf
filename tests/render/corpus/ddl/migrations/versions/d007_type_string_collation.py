"""type_string_collation

Revision ID: d007
Revises: d006
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d007"
down_revision = 'd006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_string_collation", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.String(50, collation="C")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_string_collation")
