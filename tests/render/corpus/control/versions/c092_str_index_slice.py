"""str_index_slice

Revision ID: c092
Revises: c091
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAME = "orders"

revision = "c092"
down_revision = 'c091'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT '" + NAME[0] + NAME[-1] + NAME[1:3] + NAME[::-1] + "'")


def downgrade():
    op.execute("SELECT '" + NAME[:2] + "'")
