"""alter_type_using

Revision ID: d206
Revises: d205
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d206"
down_revision = 'd205'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.Integer(), postgresql_using="c::integer")


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
