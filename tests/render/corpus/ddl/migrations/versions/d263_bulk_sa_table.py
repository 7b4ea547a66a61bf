"""bulk_sa_table

Revision ID: d263
Revises: d262
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d263"
down_revision = 'd262'
branch_labels = None
depends_on = None


def upgrade():
    op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String()), sa.column("score", sa.Float()), sa.column("ok", sa.Boolean())), [{"id": 1, "name": "a", "score": 1.5, "ok": True}, {"id": 2, "name": "it's", "score": 2.0, "ok": False}, {"id": 3, "name": None, "score": None, "ok": None}])


def downgrade():
    op.execute("DELETE FROM bt")
