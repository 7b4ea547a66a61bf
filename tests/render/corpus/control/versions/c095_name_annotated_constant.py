"""name_annotated_constant

Revision ID: c095
Revises: c094
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

SQL: str = "SELECT 1"
UNDO: "str" = "SELECT 2"

revision = "c095"
down_revision = 'c094'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(SQL)


def downgrade():
    op.execute(UNDO)
