"""ddl_server_default_text

Revision ID: c177
Revises: c176
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c177"
down_revision = 'c176'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("t", sa.Column("ts", sa.DateTime(), server_default=sa.text("now()")))


def downgrade():
    op.drop_column("t", "ts")
