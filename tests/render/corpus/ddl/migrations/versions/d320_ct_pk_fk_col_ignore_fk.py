"""ct_pk_fk_col_ignore_fk

Revision ID: d320
Revises: d319
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d320"
down_revision = 'd319'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkcig", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True, autoincrement="ignore_fk"))


def downgrade():
    op.drop_table("t_pkfkcig")
