"""ct_constraint_order

Revision ID: d166
Revises: d165
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d166"
down_revision = 'd165'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_constraint_order", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("pid", sa.Integer()), sa.CheckConstraint("a > 0", name="ck_o"), sa.UniqueConstraint("a", name="uq_o"), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_o"), sa.PrimaryKeyConstraint("id", name="pk_o"))


def downgrade():
    op.drop_table("t_constraint_order")
