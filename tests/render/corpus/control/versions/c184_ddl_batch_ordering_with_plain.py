"""ddl_batch_ordering_with_plain

Revision ID: c184
Revises: c183
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c184"
down_revision = 'c183'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.add_column(sa.Column("x", sa.Integer()))
        op.create_index("ix_t_y", "t", ["y"])
        batch_op.create_index("ix_t_x", ["x"])


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_index("ix_t_x")
        op.drop_index("ix_t_y", table_name="t")
        batch_op.drop_column("x")
