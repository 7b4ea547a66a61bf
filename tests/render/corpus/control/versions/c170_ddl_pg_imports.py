"""ddl_pg_imports

Revision ID: c170
Revises: c169
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects import postgresql as pg

revision = "c170"
down_revision = 'c169'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("t", sa.Column("data", JSONB()))
    op.add_column("t", sa.Column("uid", pg.UUID(as_uuid=True)))


def downgrade():
    op.drop_column("t", "uid")
    op.drop_column("t", "data")
