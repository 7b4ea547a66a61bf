"""type_json_none

Revision ID: d031
Revises: d030
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d031"
down_revision = 'd030'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_json_none", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.JSON(none_as_null=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_json_none")
