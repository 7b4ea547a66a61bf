"""type_sa_text

Revision ID: d089
Revises: d088
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d089"
down_revision = 'd088'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_text", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.TEXT()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_text")
