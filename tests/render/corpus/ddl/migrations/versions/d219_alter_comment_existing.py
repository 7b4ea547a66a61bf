"""alter_comment_existing

Revision ID: d219
Revises: d218
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d219"
down_revision = 'd218'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", comment="c2", existing_comment="c1")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
