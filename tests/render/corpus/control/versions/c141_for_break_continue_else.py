"""for_break_continue_else

Revision ID: c141
Revises: c140
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c141"
down_revision = 'c140'
branch_labels = None
depends_on = None


def upgrade():
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
        op.execute(f"SELECT {i}")
    else:
        op.execute("SELECT 'no break'")


def downgrade():
    for i in range(2):
        op.execute(f"SELECT {i}")
    else:
        op.execute("SELECT 'else'")
