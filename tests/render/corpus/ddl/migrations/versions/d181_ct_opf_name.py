"""ct_opf_name

Revision ID: d181
Revises: d180
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d181"
down_revision = 'd180'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(op.f("t_opf"), sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table(op.f("t_opf"))
