"""name_constant_after_def

Revision ID: c098
Revises: c097
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c098"
down_revision = 'c097'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(LATER)


def downgrade():
    op.execute(LATER + ' -- down')


LATER = "SELECT 'defined after upgrade()'"
