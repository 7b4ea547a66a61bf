"""ct_computed_persisted

Revision ID: d143
Revises: d142
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d143"
down_revision = 'd142'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_computed_persisted", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer(), sa.Computed("a + 1", persisted=True)))


def downgrade():
    op.drop_table("t_computed_persisted")
