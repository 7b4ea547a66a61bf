"""ddl_columns_loop

Revision ID: c174
Revises: c173
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c174"
down_revision = 'c173'
branch_labels = None
depends_on = None


def upgrade():
    for name in ("a", "b"):
        op.add_column("t", sa.Column(f"{name}_count", sa.Integer(), nullable=True))


def downgrade():
    for name in ("b", "a"):
        op.drop_column("t", f"{name}_count")
