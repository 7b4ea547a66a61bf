"""f_raw

Revision ID: c061
Revises: c060
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

N = 3

revision = "c061"
down_revision = 'c060'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(rf"SELECT E\'\\d{N}\'")


def downgrade():
    op.execute(fr"SELECT \'\n{N}\'")
