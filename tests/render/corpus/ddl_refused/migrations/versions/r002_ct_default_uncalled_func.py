"""ct_default_uncalled_func

Revision ID: r002
Revises: r001
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r002"
down_revision = 'r001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_duf", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("at", sa.DateTime(), server_default=sa.func.now))  # retort: needs-python


def downgrade():
    op.drop_table("t_duf")
