"""f_multiline

Revision ID: c067
Revises: c066
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

T = "orders"

revision = "c067"
down_revision = 'c066'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(f"""
        CREATE INDEX ix_{T} ON {T} (a)
    """)


def downgrade():
    op.execute(f"""DROP INDEX ix_{T}""")
