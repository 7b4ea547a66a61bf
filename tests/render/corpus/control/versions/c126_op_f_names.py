"""op_f_names

Revision ID: c126
Revises: c125
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c126"
down_revision = 'c125'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f("ix_t_c"), "t", ["c"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_t_c"), table_name="t")
