"""ddl_batch_fk_schema

Revision ID: c182
Revises: c181
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c182"
down_revision = 'c181'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.create_foreign_key("fk_s", "r", ["r_id"], ["id"])


def downgrade():
    with op.batch_alter_table("t", schema="s") as batch_op:
        batch_op.create_foreign_key("fk_s2", "r", ["r_id"], ["id"], "other")
