"""ct_pk_python_default

Revision ID: d286
Revises: d285
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d286"
down_revision = 'd285'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkpy", sa.Column("id", sa.Integer(), primary_key=True, default=1))


def downgrade():
    op.drop_table("t_pkpy")
