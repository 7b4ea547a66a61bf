"""name_int_arith

Revision ID: c106
Revises: c105
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 4

revision = "c106"
down_revision = 'c105'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {7 // 2}, {-7 // 2}, {7 % 3}, {-7 % 3}, {2 - 5}")


def downgrade():
    op.execute(f"SELECT {-N}, {+N}, {~N}")
