"""ct_default_text_false

Revision ID: d130
Revises: d129
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d130"
down_revision = 'd129'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_default_text_false", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Boolean(), server_default=sa.text("false")))


def downgrade():
    op.drop_table("t_default_text_false")
