"""ct_schema

Revision ID: d172
Revises: d171
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d172"
down_revision = 'd171'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sch", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="c"), schema="app")


def downgrade():
    op.drop_table("t_sch", schema="app")
