"""ddl_alter_column

Revision ID: c176
Revises: c175
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NULLABLE = False

revision = "c176"
down_revision = 'c175'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("t", "c", existing_type=sa.Integer(), nullable=NULLABLE)


def downgrade():
    op.alter_column("t", "c", existing_type=sa.Integer(), nullable=not NULLABLE)
