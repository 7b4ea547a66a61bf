"""dyn_get_bind

Revision ID: c166
Revises: c165
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c166"
down_revision = 'c165'
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SELECT 1"))


def downgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SELECT 1"))
