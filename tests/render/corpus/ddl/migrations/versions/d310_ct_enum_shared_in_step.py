"""ct_enum_shared_in_step

Revision ID: d310
Revises: d309
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d310"
down_revision = 'd309'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_shared_a", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("s", sa.Enum("on", "off", name="shared_state")))
    op.create_table("t_shared_b", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("s", sa.Enum("on", "off", name="shared_state")), sa.Column("t", postgresql.ENUM("x", name="other_state")))


def downgrade():
    op.drop_table("t_shared_b")
    op.drop_table("t_shared_a")
