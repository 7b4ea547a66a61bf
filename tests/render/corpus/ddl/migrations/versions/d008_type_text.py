"""type_text

Revision ID: d008
Revises: d007
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d008"
down_revision = 'd007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_text", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Text()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_text")
