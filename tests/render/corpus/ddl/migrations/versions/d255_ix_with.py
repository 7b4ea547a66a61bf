"""ix_with

Revision ID: d255
Revises: d254
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d255"
down_revision = 'd254'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_with", "base_t", ["a"], postgresql_with={"fillfactor": 50})


def downgrade():
    op.drop_index("ix_with")
