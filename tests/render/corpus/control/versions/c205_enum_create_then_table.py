"""enum_create_then_table

Revision ID: c205
Revises: c204
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c205"
down_revision = 'c204'
branch_labels = None
depends_on = None


def upgrade():
    kind = sa.Enum("x", "y", name="item_kind")
    kind.create(op.get_bind(), checkfirst=False)
    op.create_table("items", sa.Column("id", sa.Integer, primary_key=True), sa.Column("kind", kind))


def downgrade():
    op.drop_table("items")
    kind = sa.Enum("x", "y", name="item_kind")
    kind.drop(op.get_bind(), checkfirst=False)
