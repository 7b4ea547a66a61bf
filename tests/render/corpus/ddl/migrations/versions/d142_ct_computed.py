"""ct_computed

Revision ID: d142
Revises: d141
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d142"
down_revision = 'd141'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_computed", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer(), sa.Computed("a * 2")))


def downgrade():
    op.drop_table("t_computed")
