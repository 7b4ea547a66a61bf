"""fk_opf

Revision ID: d261
Revises: d260
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d261"
down_revision = 'd260'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(op.f("fk_child_pid_parent"), "child", "parent", ["pid"], ["id"], onupdate="CASCADE")


def downgrade():
    op.drop_constraint(op.f("fk_child_pid_parent"), "child", type_="foreignkey")
