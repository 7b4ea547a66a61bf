"""import_from_as

Revision ID: c111
Revises: c110
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy import text as t

revision = "c111"
down_revision = 'c110'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(t("SELECT 1"))


def downgrade():
    op.execute(t("SELECT 2"))
