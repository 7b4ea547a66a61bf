"""alter_comment

Revision ID: d217
Revises: d216
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d217"
down_revision = 'd216'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", comment="new comment")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
