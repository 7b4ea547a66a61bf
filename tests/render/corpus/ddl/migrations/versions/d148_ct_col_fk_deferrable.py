"""ct_col_fk_deferrable

Revision ID: d148
Revises: d147
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d148"
down_revision = 'd147'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_col_fk_deferrable", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", deferrable=True, initially="DEFERRED")))


def downgrade():
    op.drop_table("t_col_fk_deferrable")
