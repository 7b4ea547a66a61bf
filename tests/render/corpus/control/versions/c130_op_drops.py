"""op_drops

Revision ID: c130
Revises: c129
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c130"
down_revision = 'c129'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("t", "c")
    op.drop_table("u")


def downgrade():
    op.drop_table("v", schema="s")
    op.drop_column("t", "d", schema="s")
