"""lit_triple_single

Revision ID: c004
Revises: c003
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c004"
down_revision = 'c003'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('''
        UPDATE t SET a = 'x'
    ''')


def downgrade():
    op.execute('''SELECT 'it''s' ''')
