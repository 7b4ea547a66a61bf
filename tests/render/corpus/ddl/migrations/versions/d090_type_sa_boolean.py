"""type_sa_boolean

Revision ID: d090
Revises: d089
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d090"
down_revision = 'd089'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_boolean", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.BOOLEAN()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_boolean")
