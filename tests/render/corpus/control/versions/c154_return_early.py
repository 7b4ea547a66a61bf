"""return_early

Revision ID: c154
Revises: c153
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c154"
down_revision = 'c153'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT 1")
    return
    op.execute("SELECT 2")


def downgrade():
    for i in range(3):
        op.execute(f"SELECT {i}")
        if i == 1:
            return
