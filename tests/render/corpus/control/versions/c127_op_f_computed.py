"""op_f_computed

Revision ID: c127
Revises: c126
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

T = "orders"
C = "total"

revision = "c127"
down_revision = 'c126'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f(f"ix_{T}_{C}"), T, [C])


def downgrade():
    op.drop_index(op.f("ix_%s_%s" % (T, C)), table_name=T)
