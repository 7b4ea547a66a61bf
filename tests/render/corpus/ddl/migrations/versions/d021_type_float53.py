"""type_float53

Revision ID: d021
Revises: d020
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d021"
down_revision = 'd020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_float53", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Float(precision=53)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_float53")
