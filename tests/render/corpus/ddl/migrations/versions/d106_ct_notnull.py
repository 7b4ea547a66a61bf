"""ct_notnull

Revision ID: d106
Revises: d105
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d106"
down_revision = 'd105'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_notnull", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), nullable=False))


def downgrade():
    op.drop_table("t_notnull")
