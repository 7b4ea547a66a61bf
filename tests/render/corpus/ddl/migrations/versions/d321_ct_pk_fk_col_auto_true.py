"""ct_pk_fk_col_auto_true

Revision ID: d321
Revises: d320
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d321"
down_revision = 'd320'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkct", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True, autoincrement=True))


def downgrade():
    op.drop_table("t_pkfkct")
