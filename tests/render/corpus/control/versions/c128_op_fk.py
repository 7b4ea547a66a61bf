"""op_fk

Revision ID: c128
Revises: c127
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c128"
down_revision = 'c127'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_a", "t", "r", ["a"], ["id"], ondelete="CASCADE")


def downgrade():
    op.drop_constraint("fk_a", "t", type_="foreignkey")
