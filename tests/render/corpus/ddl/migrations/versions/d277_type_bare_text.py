"""type_bare_text

Revision ID: d277
Revises: d276
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d277"
down_revision = 'd276'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_bare_text", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Text), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_bare_text")
