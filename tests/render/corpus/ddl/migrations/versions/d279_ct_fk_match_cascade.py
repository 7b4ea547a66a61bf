"""ct_fk_match_cascade

Revision ID: d279
Revises: d278
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d279"
down_revision = 'd278'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_mc", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], match="SIMPLE", ondelete="CASCADE", onupdate="RESTRICT", deferrable=True, initially="DEFERRED"), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_mc")
