"""type_json

Revision ID: d030
Revises: d029
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d030"
down_revision = 'd029'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_json", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.JSON()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_json")
