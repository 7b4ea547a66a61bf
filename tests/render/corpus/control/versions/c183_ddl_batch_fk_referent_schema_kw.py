"""ddl_batch_fk_referent_schema_kw

Revision ID: c183
Revises: c182
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c183"
down_revision = 'c182'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.create_foreign_key("fk_rs", "r", ["r_id"], ["id"], referent_schema="o", ondelete="CASCADE")


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_constraint("fk_rs", type_="foreignkey")
