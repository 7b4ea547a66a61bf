"""type_sa_blob

Revision ID: d099
Revises: d098
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d099"
down_revision = 'd098'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_blob", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.BLOB()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_blob")
