"""ix_concurrently

Revision ID: d250
Revises: d249
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d250"
down_revision = 'd249'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_conc", "base_t", ["a"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_conc", postgresql_concurrently=True)
