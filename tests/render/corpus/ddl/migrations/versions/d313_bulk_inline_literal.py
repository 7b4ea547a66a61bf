"""bulk_inline_literal

Revision ID: d313
Revises: d312
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d313"
down_revision = 'd312'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String()), sa.column("j", postgresql.JSONB())), [{"id": op.inline_literal(1), "name": op.inline_literal("it's"), "j": op.inline_literal("{}")}, {"id": 2, "name": op.inline_literal(5), "j": None}])


def downgrade():
    op.execute("DELETE FROM bt")
