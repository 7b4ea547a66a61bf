"""op_starred_args

Revision ID: c131
Revises: c130
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c131"
down_revision = 'c130'
branch_labels = None
depends_on = None


def upgrade():
    args = ("ix_s", "t", ["a"])
    op.create_index(*args)


def downgrade():
    kw = {"table_name": "t"}
    op.drop_index("ix_s", **kw)
