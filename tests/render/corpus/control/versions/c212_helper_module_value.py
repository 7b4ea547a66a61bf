"""helper_module_value

Revision ID: c212
Revises: c211
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

def _cols(n):
    return [sa.Column(f"c{i}", sa.Integer) for i in range(n)]


COLS = _cols(3)

revision = "c212"
down_revision = 'c211'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("audit", *COLS)


def downgrade():
    op.drop_table("audit")
