"""lit_implicit_concat

Revision ID: c006
Revises: c005
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c006"
down_revision = 'c005'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("SELECT "
               "1, "
               '2')


def downgrade():
    op.execute('SELECT ' 'a' "b")
