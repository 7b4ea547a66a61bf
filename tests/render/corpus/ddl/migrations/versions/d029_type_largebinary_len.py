"""type_largebinary_len

Revision ID: d029
Revises: d028
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d029"
down_revision = 'd028'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_largebinary_len", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.LargeBinary(length=100)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_largebinary_len")
