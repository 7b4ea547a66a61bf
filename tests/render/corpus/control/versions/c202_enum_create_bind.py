"""enum_create_bind

Revision ID: c202
Revises: c201
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c202"
down_revision = 'c201'
branch_labels = None
depends_on = None


def upgrade():
    status_enum = sa.Enum("draft", "active", "retired", name="doc_status")
    status_enum.create(op.get_bind(), checkfirst=False)
    op.add_column("docs", sa.Column("status", status_enum, nullable=True))


def downgrade():
    op.drop_column("docs", "status")
    sa.Enum("draft", "active", "retired", name="doc_status").drop(op.get_bind(), checkfirst=False)
