"""type_string

Revision ID: d005
Revises: d004
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d005"
down_revision = 'd004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_string", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.String()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_string")
