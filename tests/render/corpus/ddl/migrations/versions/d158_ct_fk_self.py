"""ct_fk_self

Revision ID: d158
Revises: d157
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d158"
down_revision = 'd157'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_self", sa.Column("id", sa.Integer(), nullable=False), sa.Column("parent_id", sa.Integer()), sa.ForeignKeyConstraint(["parent_id"], ["t_fk_self.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_self")
