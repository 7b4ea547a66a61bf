"""alter_type_array

Revision ID: d294
Revises: d293
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d294"
down_revision = 'd293'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=postgresql.ARRAY(sa.Text()), postgresql_using="ARRAY[c]")


def downgrade():
    op.alter_column("base_t", "c", type_=sa.Text())
