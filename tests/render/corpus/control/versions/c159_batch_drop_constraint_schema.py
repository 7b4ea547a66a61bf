"""batch_drop_constraint_schema

Revision ID: c159
Revises: c158
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c159"
down_revision = 'c158'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t", schema="s", recreate="auto") as batch_op:
        batch_op.drop_constraint("uq_x", "unique")


def downgrade():
    with op.batch_alter_table(table_name="t", recreate="never") as batch_op:
        batch_op.drop_constraint("ck_x")
