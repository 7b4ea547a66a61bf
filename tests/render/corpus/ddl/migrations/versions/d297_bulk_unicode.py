"""bulk_unicode

Revision ID: d297
Revises: d296
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d297"
down_revision = 'd296'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("s", sa.Unicode(10)), sa.column("t", sa.UnicodeText())), [{"s": "h\u00e9", "t": "line1\nline2"}])


def downgrade():
    op.execute("DELETE FROM bt")
