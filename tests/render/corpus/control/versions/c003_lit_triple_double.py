"""lit_triple_double

Revision ID: c003
Revises: c002
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c003"
down_revision = 'c002'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("""
        SELECT 3
    """)


def downgrade():
    op.execute("""SELECT
        -3""")
