"""ct_pk_sequence_fk

Revision ID: d327
Revises: d326
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d327"
down_revision = 'd326'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkseqfk", sa.Column("id", sa.Integer(), sa.Sequence("t_pkseqfk_seq"), nullable=False), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkseqfk")
