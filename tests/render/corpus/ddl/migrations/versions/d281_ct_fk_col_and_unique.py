"""ct_fk_col_and_unique

Revision ID: d281
Revises: d280
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d281"
down_revision = 'd280'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_uq", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("pid", sa.Integer(), sa.ForeignKey("parent.id")), sa.Column("b", sa.Integer(), unique=True), sa.UniqueConstraint("pid", "b", name="uq_fk_uq"))


def downgrade():
    op.drop_table("t_fk_uq")
