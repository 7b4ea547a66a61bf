"""f_spec_27

Revision ID: c046
Revises: c045
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

V = 1234

revision = "c046"
down_revision = 'c045'
branch_labels = None
depends_on = None


def upgrade():
    v = 1234
    op.execute(f"SELECT '{v:#b}'")


def downgrade():
    op.execute(f"SELECT '{V:#b}'")
