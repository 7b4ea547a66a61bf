"""ct_fk_table_notdeferrable

Revision ID: d153
Revises: d152
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d153"
down_revision = 'd152'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_notdeferrable", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], deferrable=False), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_notdeferrable")
