"""op_create_index_kw

Revision ID: c124
Revises: c123
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c124"
down_revision = 'c123'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_a", "t", ["a"], unique=True)


def downgrade():
    op.drop_index("ix_a", table_name="t")
