"""str_plus

Revision ID: c086
Revises: c085
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

A = "1"
B = "2"

revision = "c086"
down_revision = 'c085'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT " + A + ", " + B)


def downgrade():
    op.execute('SELECT ' + 'x')
