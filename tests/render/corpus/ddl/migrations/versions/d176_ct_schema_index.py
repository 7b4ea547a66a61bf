"""ct_schema_index

Revision ID: d176
Revises: d175
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d176"
down_revision = 'd175'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sch_ix", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), index=True), schema="app")


def downgrade():
    op.drop_table("t_sch_ix", schema="app")
