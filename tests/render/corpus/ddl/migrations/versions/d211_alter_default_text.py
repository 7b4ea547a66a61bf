"""alter_default_text

Revision ID: d211
Revises: d210
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d211"
down_revision = 'd210'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default=sa.text("now()"))


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
