"""ct_unique_col_and_check

Revision ID: d280
Revises: d279
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d280"
down_revision = 'd279'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_uq_ck", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer(), unique=True), sa.CheckConstraint("a > 1", name="ck_uq_ck"))


def downgrade():
    op.drop_table("t_uq_ck")
