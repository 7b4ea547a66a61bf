"""import_sa_as

Revision ID: c108
Revises: c107
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import sqlalchemy as sa

revision = "c108"
down_revision = 'c107'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.text("SELECT 1"))


def downgrade():
    op.execute(sa.text("SELECT 2"))
