"""alter_default_false

Revision ID: d214
Revises: d213
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d214"
down_revision = 'd213'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", server_default=False)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
