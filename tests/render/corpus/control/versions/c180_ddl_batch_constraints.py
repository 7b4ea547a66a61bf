"""ddl_batch_constraints

Revision ID: c180
Revises: c179
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c180"
down_revision = 'c179'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.create_unique_constraint("uq_t_a", ["a"])
        batch_op.create_check_constraint("ck_t_a", "a > 0")
        batch_op.create_primary_key("pk_t", ["id"])


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_constraint("pk_t", type_="primary")
        batch_op.drop_constraint("ck_t_a", type_="check")
        batch_op.drop_constraint("uq_t_a", type_="unique")
