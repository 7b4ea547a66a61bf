"""op_fk_positional_lists

Revision ID: c129
Revises: c128
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c129"
down_revision = 'c128'
branch_labels = None
depends_on = None


def upgrade():
    cols = ["a", "b"]
    op.create_foreign_key("fk_ab", "t", "r", cols, ["x", "y"])


def downgrade():
    op.drop_constraint(constraint_name="fk_ab", table_name="t", type_="foreignkey")
