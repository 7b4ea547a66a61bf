"""ct_fk_table_match

Revision ID: d154
Revises: d153
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d154"
down_revision = 'd153'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_match", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], match="FULL"), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_match")
