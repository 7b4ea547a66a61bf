"""import_sqlalchemy

Revision ID: c109
Revises: c108
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import sqlalchemy

revision = "c109"
down_revision = 'c108'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sqlalchemy.text("SELECT 1"))


def downgrade():
    op.execute(sqlalchemy.text("SELECT 2"))
