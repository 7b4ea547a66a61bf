"""f_bool_none

Revision ID: c066
Revises: c065
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

T = True
F = False
NONE = None

revision = "c066"
down_revision = 'c065'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {T}, {F}, '{NONE}'")


def downgrade():
    op.execute(f"SELECT {not T}")
