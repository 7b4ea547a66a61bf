"""ddl_batch_add_alter

Revision ID: c178
Revises: c177
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c178"
down_revision = 'c177'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.add_column(sa.Column("d", sa.String(10)))
        batch_op.alter_column("d", new_column_name="e", existing_type=sa.String(10))


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.alter_column("e", new_column_name="d")
        batch_op.drop_column("d")
