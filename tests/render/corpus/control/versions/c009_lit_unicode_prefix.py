"""lit_unicode_prefix

Revision ID: c009
Revises: c008
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c009"
down_revision = 'c008'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(u'SELECT 1 AS u')


def downgrade():
    op.execute(U'SELECT 2 AS u')
