"""ix_unnamed_quoted

Revision ID: d336
Revises: d335
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d336"
down_revision = 'd335'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "Base T", ["Col A"])


def downgrade():
    op.drop_index("ix_Base T_Col A")
