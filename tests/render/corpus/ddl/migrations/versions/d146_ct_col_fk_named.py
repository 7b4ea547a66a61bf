"""ct_col_fk_named

Revision ID: d146
Revises: d145
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d146"
down_revision = 'd145'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_fk_named", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", name="fk_child_parent"), nullable=False))


def downgrade():
    op.drop_table("t_col_fk_named")
