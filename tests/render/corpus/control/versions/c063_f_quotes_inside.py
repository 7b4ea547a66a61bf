"""f_quotes_inside

Revision ID: c063
Revises: c062
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c063"
down_revision = 'c062'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f'SELECT {"x"!r}')


def downgrade():
    op.execute(f"SELECT {'y'}")
