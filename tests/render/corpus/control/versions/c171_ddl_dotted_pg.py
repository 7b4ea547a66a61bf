"""ddl_dotted_pg

Revision ID: c171
Revises: c170
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

import sqlalchemy.dialects.postgresql

revision = "c171"
down_revision = 'c170'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("t", sa.Column("tags", sqlalchemy.dialects.postgresql.ARRAY(sa.Text())))


def downgrade():
    op.drop_column("t", "tags")
