"""type_float_pos

Revision ID: d022
Revises: d021
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d022"
down_revision = 'd021'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_float_pos", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Float(10)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_float_pos")
