"""bulk_text_cols

Revision ID: d265
Revises: d264
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d265"
down_revision = 'd264'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.Text()), sa.column("code", sa.String(5)), sa.column("n", sa.BigInteger()), sa.column("amount", sa.Numeric(10, 2))), [{"id": 1, "name": "x\\y", "code": "c", "n": 12345678901, "amount": 2.5}])


def downgrade():
    op.execute("DELETE FROM bt")
