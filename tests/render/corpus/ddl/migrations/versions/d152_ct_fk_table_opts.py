"""ct_fk_table_opts

Revision ID: d152
Revises: d151
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d152"
down_revision = 'd151'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_opts", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], onupdate="CASCADE", ondelete="SET NULL", deferrable=True, initially="IMMEDIATE"), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_opts")
