"""ddl_op_f_constraint

Revision ID: c187
Revises: c186
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c187"
down_revision = 'c186'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(op.f("uq_t_b"), "t", ["b"])


def downgrade():
    op.drop_constraint(op.f("uq_t_b"), "t", type_="unique")
