"""type_unicode

Revision ID: d010
Revises: d009
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d010"
down_revision = 'd009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unicode", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Unicode(30)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_unicode")
