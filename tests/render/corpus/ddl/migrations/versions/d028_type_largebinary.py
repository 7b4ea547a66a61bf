"""type_largebinary

Revision ID: d028
Revises: d027
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d028"
down_revision = 'd027'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_largebinary", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.LargeBinary()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_largebinary")
