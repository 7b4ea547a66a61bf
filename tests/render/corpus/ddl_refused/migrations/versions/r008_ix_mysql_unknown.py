"""ix_mysql_unknown

Revision ID: r008
Revises: r007
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r008"
down_revision = 'r007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_mu", "base_t", ["a"], mysql_bogus=1)  # retort: needs-python


def downgrade():
    op.drop_index("ix_mu")
