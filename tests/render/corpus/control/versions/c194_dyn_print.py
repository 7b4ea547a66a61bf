"""dyn_print

Revision ID: c194
Revises: c193
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c194"
down_revision = 'c193'
branch_labels = None
depends_on = None


def upgrade():
    print("hello")
    op.execute("SELECT 1")


def downgrade():
    print("hello")
    op.execute("SELECT 1")
