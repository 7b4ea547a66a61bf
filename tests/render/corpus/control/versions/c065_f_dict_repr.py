"""f_dict_repr

Revision ID: c065
Revises: c064
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

D = {"k": 1, "j": "v"}
EMPTY = {}

revision = "c065"
down_revision = 'c064'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT '{D}'")


def downgrade():
    op.execute(f"SELECT '{EMPTY}'")
