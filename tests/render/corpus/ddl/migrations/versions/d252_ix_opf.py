"""ix_opf

Revision ID: d252
Revises: d251
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d252"
down_revision = 'd251'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f("ix_base_t_a"), "base_t", ["a"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_base_t_a"), table_name="base_t")
