"""ct_info_doc

Revision ID: d307
Revises: d306
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d307"
down_revision = 'd306'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_info", sa.Column("id", sa.Integer(), primary_key=True, info={"k": "v"}, doc="the id"))


def downgrade():
    op.drop_table("t_info")
