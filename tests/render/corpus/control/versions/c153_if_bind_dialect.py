"""if_bind_dialect

Revision ID: c153
Revises: c152
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c153"
down_revision = 'c152'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT 1")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT 1")
