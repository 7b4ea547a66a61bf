"""ct_nullable_true

Revision ID: d107
Revises: d106
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d107"
down_revision = 'd106'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_nullable_true", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), nullable=True))


def downgrade():
    op.drop_table("t_nullable_true")
