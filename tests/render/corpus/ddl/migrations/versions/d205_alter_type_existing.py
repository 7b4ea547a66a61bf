"""alter_type_existing

Revision ID: d205
Revises: d204
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d205"
down_revision = 'd204'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.Text(), existing_type=sa.String(50), existing_nullable=True)


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
