"""dyn_lambda

Revision ID: c193
Revises: c192
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c193"
down_revision = 'c192'
branch_labels = None
depends_on = None


def upgrade():
    f = lambda t: "SELECT " + t
    op.execute(f("1"))


def downgrade():
    f = lambda t: "SELECT " + t
    op.execute(f("1"))
