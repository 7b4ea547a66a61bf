"""ct_default_text

Revision ID: d129
Revises: d128
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d129"
down_revision = 'd128'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_text", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(), server_default=sa.text("now()")))


def downgrade():
    op.drop_table("t_default_text")
