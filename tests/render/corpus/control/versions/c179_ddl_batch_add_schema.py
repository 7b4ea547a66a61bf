"""ddl_batch_add_schema

Revision ID: c179
Revises: c178
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c179"
down_revision = 'c178'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.add_column(sa.Column("d", sa.Integer()))
        batch_op.alter_column("d", nullable=False, existing_type=sa.Integer())


def downgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.drop_column("d")
