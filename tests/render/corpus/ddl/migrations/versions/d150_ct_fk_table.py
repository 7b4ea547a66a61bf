"""ct_fk_table

Revision ID: d150
Revises: d149
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d150"
down_revision = 'd149'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer(), nullable=True), sa.ForeignKeyConstraint(["pid"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table")
