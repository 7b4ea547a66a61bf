"""ct_bare_types

Revision ID: d290
Revises: d289
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d290"
down_revision = 'd289'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_bare", sa.Column("id", sa.Integer, primary_key=True), sa.Column("n", sa.String(20), nullable=False), sa.Column("at", sa.DateTime, server_default=sa.func.now()), sa.Column("flag", sa.Boolean, server_default=sa.false()))


def downgrade():
    op.drop_table("t_bare")
