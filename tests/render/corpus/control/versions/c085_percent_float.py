"""percent_float

Revision ID: c085
Revises: c084
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c085"
down_revision = 'c084'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT %f" % 1.5)


def downgrade():
    op.execute("SELECT %f" % 1.5)
