"""f_concat

Revision ID: c062
Revises: c061
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

A = 1
B = 2

revision = "c062"
down_revision = 'c061'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"SELECT {A}" ", " f"{B}" ' AS x')


def downgrade():
    op.execute("SELECT " f"{A + B}")
