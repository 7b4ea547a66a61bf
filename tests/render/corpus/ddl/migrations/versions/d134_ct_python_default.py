"""ct_python_default

Revision ID: d134
Revises: d133
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d134"
down_revision = 'd133'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_python_default", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), default=5))


def downgrade():
    op.drop_table("t_python_default")
