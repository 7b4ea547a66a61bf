"""alter_comment_none

Revision ID: d218
Revises: d217
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d218"
down_revision = 'd217'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", comment=None)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
