"""ct_fk_table_named

Revision ID: d151
Revises: d150
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d151"
down_revision = 'd150'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_named", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_x", ondelete="CASCADE"), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_named")
