"""ct_pk_fk_table_bigint

Revision ID: d317
Revises: d316
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d317"
down_revision = 'd316'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfktb", sa.Column("id", sa.BigInteger(), primary_key=True), sa.ForeignKeyConstraint(["id"], ["parent.id"], name="fk_pkfktb", ondelete="CASCADE"))


def downgrade():
    op.drop_table("t_pkfktb")
