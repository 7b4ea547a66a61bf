"""ct_fk_table_composite

Revision ID: d155
Revises: d154
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d155"
down_revision = 'd154'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_composite", sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()), sa.ForeignKeyConstraint(["a", "b"], ["parent.x", "parent.y"], name=op.f("fk_comp")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_composite")
