"""batch_fk

Revision ID: c158
Revises: c157
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c158"
down_revision = 'c157'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.create_foreign_key("fk_r", "r", ["r_id"], ["id"], ondelete="SET NULL")


def downgrade():
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_constraint("fk_r", type_="foreignkey")
