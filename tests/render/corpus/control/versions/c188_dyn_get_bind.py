"""dyn_get_bind

Revision ID: c188
Revises: c187
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c188"
down_revision = 'c187'
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SELECT 1"))


def downgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SELECT 1"))
