"""strformat_attribute

Revision ID: c084
Revises: c083
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

N = 1

revision = "c084"
down_revision = 'c083'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT {0.real}".format(N))


def downgrade():
    op.execute("SELECT {0.real}".format(N))
