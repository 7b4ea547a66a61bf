"""ct_default_true

Revision ID: d298
Revises: d297
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d298"
down_revision = 'd297'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_dtrue", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("flag", sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade():
    op.drop_table("t_dtrue")
