"""dyn_conn_execute_loop

Revision ID: c199
Revises: c198
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c199"
down_revision = 'c198'
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    for t in ("a", "b"):
        conn.execute(sa.text(f"SELECT '{t}'"))


def downgrade():
    conn = op.get_bind()
    for t in ("a", "b"):
        conn.execute(sa.text(f"SELECT '{t}'"))
