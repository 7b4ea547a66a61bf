"""for_list

Revision ID: c134
Revises: c133
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c134"
down_revision = 'c133'
branch_labels = None
depends_on = None


def upgrade():
    for t in ["a", "b"]:
        op.drop_table(t)


def downgrade():
    for t in ("c", "d"):
        op.execute(f"SELECT '{t}'")
