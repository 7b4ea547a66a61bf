"""ddl_create_table_bind_bulk

Revision ID: c166
Revises: c165
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c166"
down_revision = 'c165'
branch_labels = None
depends_on = None


def upgrade():
    t = op.create_table(
        "cb",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(20)),
    )
    op.bulk_insert(t, [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])


def downgrade():
    op.drop_table("cb")
