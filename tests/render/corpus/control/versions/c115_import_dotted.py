"""import_dotted

Revision ID: c115
Revises: c114
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import sqlalchemy.dialects.postgresql

revision = "c115"
down_revision = 'c114'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sqlalchemy.text("SELECT 1"))


def downgrade():
    op.execute(sqlalchemy.text("SELECT 2"))
