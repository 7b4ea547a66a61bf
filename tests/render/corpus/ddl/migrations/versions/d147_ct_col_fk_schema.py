"""ct_col_fk_schema

Revision ID: d147
Revises: d146
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d147"
down_revision = 'd146'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_fk_schema", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("other.parent.id")))


def downgrade():
    op.drop_table("t_col_fk_schema")
