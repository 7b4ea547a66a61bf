"""uq_kw

Revision ID: d231
Revises: d230
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d231"
down_revision = 'd230'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(constraint_name="uq_kw", table_name="base_t", columns=["a"])


def downgrade():
    op.drop_constraint("uq_kw", "base_t")
