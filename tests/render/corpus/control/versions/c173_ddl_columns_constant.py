"""ddl_columns_constant

Revision ID: c173
Revises: c172
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

COLUMNS = [
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now()),
]

revision = "c173"
down_revision = 'c172'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("cc", *COLUMNS)


def downgrade():
    op.drop_table("cc")
