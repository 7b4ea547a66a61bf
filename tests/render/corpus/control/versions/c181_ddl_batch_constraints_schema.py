"""ddl_batch_constraints_schema

Revision ID: c181
Revises: c180
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c181"
down_revision = 'c180'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.create_unique_constraint("uq_s_a", ["a"])
        batch_op.create_check_constraint("ck_s_a", sa.text("a > 0"))


def downgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.drop_constraint("ck_s_a")
        batch_op.drop_constraint("uq_s_a")
