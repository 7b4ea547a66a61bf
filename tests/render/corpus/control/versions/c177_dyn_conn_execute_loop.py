"""dyn_conn_execute_loop

Revision ID: c177
Revises: c176
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c177"
down_revision = 'c176'
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
