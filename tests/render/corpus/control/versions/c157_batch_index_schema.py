"""batch_index_schema

Revision ID: c157
Revises: c156
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c157"
down_revision = 'c156'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.create_index(batch_op.f("ix_s_a"), ["a"])


def downgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.drop_index(batch_op.f("ix_s_a"))
